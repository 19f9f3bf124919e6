import { defineMessages } from "./define";

// The reviewer's side: writing, editing, photos, automatic checks, votes, flags, notices.
export const write = defineMessages({
  en: {
    "media.error.empty": "This file is empty. Choose a photo in JPEG, PNG or WebP format.",
    "media.error.tooLarge": "This file is larger than 10 MB. Choose a smaller photo.",
    "media.error.type": "This file is not a JPEG, PNG or WebP image. Choose a photo in one of these formats.",
    "media.error.unreadable": "This image could not be read. It may be damaged: try another photo.",
    "media.error.dimensions": "This image has too many pixels. Choose a smaller photo.",
    "media.error.tooMany": "You can add up to 4 photos.",
  },
  fr: {
    "media.error.empty": "Ce fichier est vide. Choisissez une photo au format JPEG, PNG ou WebP.",
    "media.error.tooLarge": "Ce fichier dépasse 10 Mo. Choisissez une photo plus légère.",
    "media.error.type": "Ce fichier n’est pas une image JPEG, PNG ou WebP. Choisissez une photo dans l’un de ces formats.",
    "media.error.unreadable": "Impossible de lire cette image. Elle est peut-être abîmée : essayez une autre photo.",
    "media.error.dimensions": "Cette image a trop de pixels. Choisissez une photo plus petite.",
    "media.error.tooMany": "Vous pouvez ajouter jusqu’à 4 photos.",
  },
});
