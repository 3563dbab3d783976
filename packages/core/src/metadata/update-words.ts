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
