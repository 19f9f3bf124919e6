import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { translate } from "~/i18n";
import {
  canViewMedia,
  claimPendingUploads,
  MEDIA_MAX_BYTES,
  MediaError,
  mediaDir,
  parseMediaUrlName,
  pendingDir,
  readMediaFile,
  processImage,
  sniffImage,
  storeImage,
} from "~/models/media.server";
import { makeUser } from "../support/fixtures";

async function jpegWithGps(width = 2400, height = 1800) {
  return sharp({ create: { width, height, channels: 3, background: { r: 180, g: 90, b: 30 } } })
    .jpeg()
    .withExif({
      IFD0: { Artist: "Jeanne Secret-Name", Copyright: "Jeanne" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "48/1 51/1 2400/100",
        GPSLongitudeRef: "E",
        GPSLongitude: "2/1 21/1 700/100",
      },
    })
    .toBuffer();
}

/** Whether an EXIF block holds a GPS IFD pointer (tag 0x8825, either byte order). */
function hasGpsPointer(exif: Buffer) {
  return exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));
}

async function expectMediaError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MediaError);
  expect((error as MediaError).code).toBe(code);
}

describe("photos and proofs", () => {
  it("strips EXIF and GPS from a JPEG and resizes it to 1 600 px with a thumbnail", async () => {
    const input = await jpegWithGps();
    const before = await sharp(input).metadata();
    expect(before.exif).toBeDefined();
    expect(hasGpsPointer(before.exif!)).toBe(true);
    expect(input.includes(Buffer.from("Jeanne Secret-Name"))).toBe(true);

    const out = await processImage(input);
    const after = await sharp(out.image).metadata();
    expect(after.format).toBe("jpeg");
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(out.image.includes(Buffer.from("Exif\0\0"))).toBe(false);
    expect(out.image.includes(Buffer.from("Jeanne Secret-Name"))).toBe(false);
    expect(Math.max(after.width!, after.height!)).toBe(1600);
    expect([out.width, out.height]).toEqual([1600, 1200]);

    const thumb = await sharp(out.thumbnail).metadata();
    expect(Math.max(thumb.width!, thumb.height!)).toBe(400);
    expect(thumb.exif).toBeUndefined();
  });

  it("keeps a small image at its size", async () => {
    const out = await processImage(await jpegWithGps(800, 600));
    expect([out.width, out.height]).toEqual([800, 600]);
  });

  it("accepts PNG and WebP, read from their bytes", async () => {
    const png = await sharp({ create: { width: 50, height: 40, channels: 4, background: "#00ff0080" } })
      .png()
      .toBuffer();
    const webp = await sharp({ create: { width: 50, height: 40, channels: 3, background: "#0000ff" } })
      .webp()
      .toBuffer();
    expect((await processImage(png)).mime).toBe("image/png");
    expect((await processImage(webp)).mime).toBe("image/webp");
  });

  it("refuses a text file renamed .jpg with a clear, translated message", async () => {
    const text = Buffer.from("This is not a photo, just text saved as holiday.jpg\n");
    expect(sniffImage(text)).toBeNull();
    await expectMediaError(processImage(text), "media.error.type");
    expect(translate("en", "media.error.type")).toMatch(/not a JPEG, PNG or WebP image/);
    expect(translate("fr", "media.error.type")).toMatch(/n’est pas une image JPEG, PNG ou WebP/);
  });

  it("refuses other image types (GIF, SVG) and a damaged JPEG", async () => {
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#fff" } })
      .gif()
      .toBuffer();
    await expectMediaError(processImage(gif), "media.error.type");
    await expectMediaError(processImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), "media.error.type");
    const jpeg = await jpegWithGps(100, 100);
    await expectMediaError(processImage(jpeg.subarray(0, 200)), "media.error.unreadable");
  });

  it("refuses a file over 10 MB before decoding it", async () => {
    const big = Buffer.alloc(MEDIA_MAX_BYTES + 1);
    big.set([0xff, 0xd8, 0xff], 0);
    await expectMediaError(processImage(big), "media.error.tooLarge");
  });

  it("refuses an image with too many pixels (a decompression bomb)", async () => {
    const bomb = await sharp({ create: { width: 10_000, height: 6_000, channels: 3, background: "#fff" } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.byteLength).toBeLessThan(MEDIA_MAX_BYTES);
    await expectMediaError(processImage(bomb), "media.error.dimensions");
  });

  it("stores the image and its thumbnail as a pending upload, moved under DATA_DIR/media when a review takes it", async () => {
    const db = getDb();
    const owner = makeUser();
    const a = await storeImage(db, owner, await jpegWithGps(600, 400));
    const b = await storeImage(db, owner, await jpegWithGps(600, 400));
    expect(a.storageKey).not.toBe(b.storageKey);
    expect(mediaDir()).toBe(path.resolve(process.env.DATA_DIR!, "media"));
    expect(pendingDir()).toBe(path.resolve(process.env.DATA_DIR!, "tmp"));
    expect(mediaDir()).not.toContain(`${path.sep}public${path.sep}`);
    expect(fs.existsSync(path.join(pendingDir(), `${a.storageKey}.jpg`))).toBe(true);
    expect(fs.existsSync(path.join(pendingDir(), `${a.storageKey}.thumb.jpg`))).toBe(true);
    expect(await readMediaFile(a.storageKey, a.mime, false)).toBeNull();

    expect(db.$client.transaction(() => claimPendingUploads(db, owner, [a]))()).toEqual([a]);
    expect(fs.existsSync(path.join(pendingDir(), `${a.storageKey}.jpg`))).toBe(false);
    expect(fs.existsSync(path.join(mediaDir(), `${a.storageKey}.jpg`))).toBe(true);
    expect(fs.existsSync(path.join(mediaDir(), `${a.storageKey}.thumb.jpg`))).toBe(true);
    expect(parseMediaUrlName(`${a.storageKey}.thumb`)).toEqual({ storageKey: a.storageKey, thumbnail: true });
    expect(parseMediaUrlName(a.storageKey)).toEqual({ storageKey: a.storageKey, thumbnail: false });
    expect(parseMediaUrlName(`../${a.storageKey}`)).toBeNull();
    expect(parseMediaUrlName(`${a.storageKey}.svg`)).toBeNull();
    const served = await readMediaFile(a.storageKey, a.mime, true);
    expect(served && (await sharp(served).metadata()).width).toBe(400);
  });

  it("shows proofs only to the author and moderators, photos to all once published", () => {
    const author = { id: 1, role: "member" as const };
    const other = { id: 2, role: "member" as const };
    const moderator = { id: 3, role: "moderator" as const };
    const proof = { kind: "proof" as const, reviewStatus: "published", reviewAuthorId: 1 };
    expect(canViewMedia(author, proof)).toBe(true);
    expect(canViewMedia(moderator, proof)).toBe(true);
    expect(canViewMedia(other, proof)).toBe(false);
    expect(canViewMedia(null, proof)).toBe(false);
    const photo = { kind: "photo" as const, reviewStatus: "published", reviewAuthorId: 1 };
    expect(canViewMedia(null, photo)).toBe(true);
    const heldPhoto = { ...photo, reviewStatus: "held" };
    expect(canViewMedia(null, heldPhoto)).toBe(false);
    expect(canViewMedia(other, heldPhoto)).toBe(false);
    expect(canViewMedia(author, heldPhoto)).toBe(true);
  });
});
