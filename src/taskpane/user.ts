/**
 * Who is working, for the audit log: Excel gives an add-in no user name, so the pane asks once
 * (Set up) and keeps it in this browser's local storage.
 */
export interface UserName {
  get(): string;
  set(name: string): void;
}

const KEY = "perfcycle.userName";

export function userNameStore(
  storage: Pick<Storage, "getItem" | "setItem"> | null,
  fallback: string,
): UserName {
  let memory = "";
  return {
    get: () => {
      try {
        return storage?.getItem(KEY)?.trim() || memory || fallback;
      } catch {
        return memory || fallback;
      }
    },
    set: (name: string) => {
      memory = name.trim();
      try {
        storage?.setItem(KEY, memory);
      } catch {
        // Storage may be off (private mode): the name is kept for this session.
      }
    },
  };
}
