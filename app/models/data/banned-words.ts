// The list of banned words and phrases, kept as plain text (see the comments inside).
// A .ts module rather than a .txt file so that the server bundle, vitest and tsx scripts
// all load it the same way.
export const BANNED_WORDS_TEXT = `
# Banned words and phrases (French and English). A review containing one is held for a
# moderator, who decides; it is never refused on a word alone (quoting an insult one
# received is legitimate). One entry per line; matching ignores case and accents,
# undoes common digit-for-letter swaps (c0nnard, 3ncule) and is made on whole words.
# Words that are also ordinary (French "retard" = delay, "pédale" = pedal, "tapette" =
# fly swatter, "crevé" = punctured) are left out on purpose.
# Lines starting with # are comments.

# — Français : insultes
connard
connards
connasse
connasses
salope
salopes
salopard
salopards
encule
encules
enculee
enculer
batard
batards
fils de pute
nique ta mere
ntm
fdp
ta gueule
petasse
pouffiasse
trou du cul
abruti de merde
sous-merde
raclure
# — Français : injures discriminatoires
bougnoule
bougnoules
youpin
youpins
negro
negros
bicot
tarlouze
# — Français : menaces
je vais te tuer
je vais vous tuer
on va vous bruler
# — English: insults
asshole
assholes
motherfucker
motherfuckers
fuck you
fucking idiot
cunt
cunts
dickhead
shithead
son of a bitch
piece of shit
# — English: slurs
nigger
niggers
faggot
faggots
kike
kikes
spic
spics
tranny
# — English: threats
i will kill you
i'll kill you
we will burn you
`;
