/**
 * Sign-in state per session (an Electron window, a browser tab, a CLI run). A session locks after
 * inactivity or when the computer locks or sleeps; a locked session keeps its user, so the window can
 * ask for that user's passphrase alone and keep what was being typed.
 */
export interface Session {
  userId: number;
  lastActivity: number;
  locked: boolean;
}

export class Sessions {
  private readonly map = new Map<string, Session>();

  constructor(
    private readonly autoLockMs: () => number,
    /** Real elapsed time, not the domain clock (tests fix the domain date). */
    private readonly clock: () => number = Date.now,
  ) {}

  /** The session, locked first if it has been idle too long. */
  get(sessionId: string): Session | undefined {
    const s = this.map.get(sessionId);
    if (s && !s.locked && this.clock() - s.lastActivity > this.autoLockMs()) s.locked = true;
    return s;
  }

  signIn(sessionId: string, userId: number): void {
    this.map.set(sessionId, { userId, lastActivity: this.clock(), locked: false });
  }

  touch(sessionId: string): void {
    const s = this.get(sessionId);
    if (s && !s.locked) s.lastActivity = this.clock();
  }

  lock(sessionId: string): void {
    const s = this.map.get(sessionId);
    if (s) s.locked = true;
  }

  /** The computer locked or went to sleep: every window asks for its passphrase again. */
  lockAll(): void {
    for (const s of this.map.values()) s.locked = true;
  }

  signOut(sessionId: string): void {
    this.map.delete(sessionId);
  }

  /** No window, tab or CLI run is signed in (or locked): nothing needs the database key. */
  isEmpty(): boolean {
    return this.map.size === 0;
  }

  /** An account was deactivated: its sessions end at once. */
  signOutUser(userId: number): void {
    for (const [id, s] of this.map) if (s.userId === userId) this.map.delete(id);
  }
}
