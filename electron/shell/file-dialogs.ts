import type { FilePurpose, FolderPurpose } from '../../shared/bridge';
import { filePurposes, folderPurposes } from '../../shared/bridge';

/** What the system's open dialog offers for each purpose (Electron's `showOpenDialog` options). */
export function openFileDialogOptions(purpose: FilePurpose): {
  title: string;
  properties: Array<'openFile'>;
  filters: Array<{ name: string; extensions: string[] }>;
} {
  return purpose === 'recording'
    ? {
        title: 'Choose the recording',
        properties: ['openFile'],
        filters: [{ name: 'Audio and video', extensions: ['mp4', 'm4a', 'm4v', 'webm', 'mkv', 'ogg', 'oga', 'ogv', 'wav', 'mp3', 'flac'] }],
      }
    : {
        title: 'Choose the scan of the signed form',
        properties: ['openFile'],
        filters: [{ name: 'Scans', extensions: ['pdf', 'png', 'jpg', 'jpeg'] }],
      };
}

export function openFolderDialogOptions(_purpose: FolderPurpose): {
  title: string;
  properties: Array<'openDirectory' | 'createDirectory'>;
} {
  return { title: 'Choose where to save the files', properties: ['openDirectory', 'createDirectory'] };
}

/** Only the purposes the bridge names reach a dialog: anything else from the page is refused. */
export const isFilePurpose = (value: unknown): value is FilePurpose => filePurposes.includes(value as FilePurpose);
export const isFolderPurpose = (value: unknown): value is FolderPurpose => folderPurposes.includes(value as FolderPurpose);

/** The one path a dialog answered, or null when it was cancelled. */
export function chosenPath(result: { canceled: boolean; filePaths: string[] }): string | null {
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
