package vn.hocba.archive.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt, remembering recent successful checks for a few minutes. HTTP Basic sends the password with every API call,
 * and a BCrypt check costs tens of milliseconds of CPU: without this, a principal countersigning hundreds of records
 * would spend most of the time re-checking the same password. Only a SHA-256 of (password, stored hash) is kept, only
 * for successes, in a small bounded map; a changed password (new stored hash) never matches an old entry.
 */
final class RememberingPasswordEncoder implements PasswordEncoder {

    private static final int MAX_ENTRIES = 1024;
    private static final long TTL_NANOS = 5L * 60 * 1_000_000_000L;

    private final PasswordEncoder delegate;
    private final Map<String, Long> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    RememberingPasswordEncoder(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        String key = fingerprint(rawPassword, encodedPassword);
        long now = System.nanoTime();
        synchronized (recent) {
            Long at = recent.get(key);
            if (at != null && now - at < TTL_NANOS) {
                return true;
            }
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            synchronized (recent) {
                recent.put(key, now);
            }
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private static String fingerprint(CharSequence raw, String encoded) {
        try {
            var md = MessageDigest.getInstance("SHA-256");
            md.update(raw.toString().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(encoded.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
