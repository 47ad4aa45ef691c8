package vn.hocba.archive.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberingPasswordEncoderTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final RememberingPasswordEncoder encoder = new RememberingPasswordEncoder(counting);

    @Test
    void aRepeatedCorrectPasswordIsCheckedWithBcryptOnce() {
        String hash = encoder.encode("demo");
        assertThat(encoder.matches("demo", hash)).isTrue();
        assertThat(encoder.matches("demo", hash)).isTrue();
        assertThat(checks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsNeverRememberedAndAlwaysRefused() {
        String hash = encoder.encode("demo");
        assertThat(encoder.matches("wrong", hash)).isFalse();
        assertThat(encoder.matches("wrong", hash)).isFalse();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aChangedPasswordHashDoesNotMatchWhatWasRemembered() {
        String old = encoder.encode("demo");
        assertThat(encoder.matches("demo", old)).isTrue();
        String changed = encoder.encode("new-password");
        assertThat(encoder.matches("demo", changed)).isFalse();
        assertThat(encoder.matches("new-password", changed)).isTrue();
    }
}
