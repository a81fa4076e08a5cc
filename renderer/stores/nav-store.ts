// Which screen is shown: the hash (#/settings) is the source, so reloads and tests can deep-link.
import { create } from 'zustand';

function currentRoute(): string {
  const m = /^#\/([\w-]*)/.exec(location.hash);
  return m?.[1] || 'home';
}

interface NavState {
  route: string;
  go(route: string): void;
}

export const useNav = create<NavState>((set) => {
  window.addEventListener('hashchange', () => set({ route: currentRoute() }));
  return {
    route: currentRoute(),
    go(route) {
      if (location.hash !== `#/${route}`) location.hash = `#/${route}`;
      set({ route });
    },
  };
});
