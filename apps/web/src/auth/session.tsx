import { ReactNode, createContext, useCallback, useContext, useEffect, useState } from 'react';
import { SESSION_ENDED, api } from '../api/client';
import { queryClient } from '../api/query';

export type Role = 'admin' | 'reviewer' | 'viewer';

export interface Membership {
  id: string;
  unitId: string;
  unitName: string;
  unitCode: string | null;
  unitKind: string;
  role: Role;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  locale: 'id' | 'en';
  isCityAdmin: boolean;
  canManageUsers: boolean;
  memberships: Membership[];
}

interface Session {
  me: Me | null;
  loading: boolean;
  /** Set after logging out or when the session ended, to tell the user on the login page. */
  notice: 'loggedOut' | 'expired' | null;
  signedIn(me: Me): void;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** Who is logged in: GET /v1/me at start; a 401 there (after one silent refresh) means the login page. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const [notice, setNotice] = useState<Session['notice']>(null);

  useEffect(() => {
    api<Me>('/v1/me')
      .then(setMe, () => setMe(null))
      .finally(() => setLoading(false));
    const ended = () => {
      queryClient.clear();
      setMe((current) => {
        if (current) setNotice('expired');
        return null;
      });
    };
    window.addEventListener(SESSION_ENDED, ended);
    return () => window.removeEventListener(SESSION_ENDED, ended);
  }, []);

  const signedIn = useCallback((m: Me) => {
    setNotice(null);
    setMe(m);
  }, []);

  const logout = useCallback(async () => {
    await api('/v1/auth/logout', { method: 'POST' }).catch(() => undefined);
    queryClient.clear();
    setMe(null);
    setNotice('loggedOut');
  }, []);

  return <SessionContext.Provider value={{ me, loading, notice, signedIn, logout }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The logged-in user; only for components rendered behind the login. */
export function useMe(): Me {
  return useSession().me!;
}
