package dev.eventshop.platform.security;

/**
 * The sign-ins this node remembers for a while so as not to check a password hash on every request. The feature
 * that owns accounts tells it when an account changed in a way sign-in must see (it was erased).
 */
public interface RememberedSignIns {

    /** Remembered sign-ins of this account are checked against its credential again before their next use. */
    void recheck(String userId);
}
