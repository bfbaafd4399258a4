import { expect, type Locator, type Page } from '@playwright/test';

/** The parts of an HTMLMediaElement the test uses (the tests compile without the DOM library). */
interface MediaElement {
  readyState: number;
  currentTime: number;
  duration: number;
  muted: boolean;
  error: { code: number } | null;
  play(): Promise<void>;
  pause(): void;
  addEventListener(type: string, listener: () => void, options?: { once: boolean }): void;
  removeEventListener(type: string, listener: () => void): void;
}

/** HTMLMediaElement.HAVE_METADATA. */
const HAVE_METADATA = 1;

/** One recording's player screen. */
export class RecordingPage {
  readonly heading: Locator;
  readonly player: Locator;
  readonly problem: Locator;
  readonly back: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.player = page.locator('audio.player, video.player');
    this.problem = page.getByRole('main').getByRole('alert');
    this.back = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button');
  }

  async expectShown(reference: string): Promise<void> {
    await expect(this.heading).toHaveText(`Recording ${reference}`);
    await expect(this.heading).toBeFocused();
  }

  /**
   * Plays from the start until the player reports progress, then seeks to `seconds` and waits until it reports
   * playing from there: each step waits on the media element's own events, never on time passing.
   */
  async playThenSeek(seconds: number): Promise<{ duration: number; startedAt: number; seekedTo: number; playingAt: number; error: number | null }> {
    return this.player.evaluate(async (element, [target, haveMetadata]) => {
      const media = element as unknown as MediaElement;
      const next = (event: string) => new Promise<void>((resolve) => media.addEventListener(event, () => resolve(), { once: true }));
      const progressed = (after: number) =>
        new Promise<void>((resolve) => {
          const check = () => {
            if (media.currentTime > after) {
              media.removeEventListener('timeupdate', check);
              resolve();
            }
          };
          media.addEventListener('timeupdate', check);
        });
      if (media.readyState < haveMetadata) await next('loadedmetadata');
      media.muted = true;
      const firstProgress = progressed(0);
      await media.play();
      await firstProgress;
      const startedAt = media.currentTime;
      const seeked = next('seeked');
      media.currentTime = target;
      await seeked;
      const seekedTo = media.currentTime;
      await progressed(seekedTo);
      const playingAt = media.currentTime;
      media.pause();
      return { duration: media.duration, startedAt, seekedTo, playingAt, error: media.error?.code ?? null };
    }, [seconds, HAVE_METADATA] as const);
  }
}
