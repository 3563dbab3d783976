/**
 * Words that mark a date as the story's last update rather than its publication, in the languages whose
 * month names month-names.ts reads: "Updated", "Mis à jour", "Aktualisiert", "Actualizado", "Oppdatert"...
 * One list for every reader of dates, so a language read for dates is read for updates too.
 */
export const UPDATE_WORDS = [
  'updated?',
  'modified',
  'edited',
  'revised',
  'mis à jour',
  'mise à jour',
  'actualisé',
  'aktualisiert',
  'geändert',
  'actualizado',
  'actualización',
  'modificado',
  'aggiornato',
  'aggiornamento',
  'modificato',
  'atualizado',
  'atualização',
  'bijgewerkt',
  'gewijzigd',
  'oppdatert',
  'opdateret',
  'uppdaterad',
  'diperbarui',
  'обновлено',
  'обновлён',
  'изменено',
  'zaktualizowano',
  'aktualizováno',
  'güncellendi',
  'güncelleme',
].join('|');

/** A line that opens with an update mark, after at most two words ("Last updated", "Dernière mise à jour"). */
export const OPENS_AS_UPDATE = new RegExp(`^(?:\\p{L}+ ){0,2}(?:${UPDATE_WORDS})(?!\\p{L})`, 'iu');

/**
 * Words that mark a date as the story's publication ("Posted on", "Published", "Publié le", "Veröffentlicht
 * am"...): a date after one, in a post's foot, is the post's own; without one it may be any date.
 */
export const PUBLISH_WORDS = [
  'posted',
  'published',
  'written',
  'publié',
  'publiée',
  'veröffentlicht',
  'erschienen',
  'publicado',
  'publicada',
  'pubblicato',
  'pubblicata',
  'gepubliceerd',
  'geplaatst',
  'publicerad',
  'publisert',
  'udgivet',
  'opublikowano',
  'publikováno',
  'опубликовано',
  'yayınlandı',
  'diterbitkan',
].join('|');
