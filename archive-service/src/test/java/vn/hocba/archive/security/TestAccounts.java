package vn.hocba.archive.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.hocba.archive.school.SchoolDirectory;

/**
 * Test-only accounts, shaped like the demo accounts, for scenarios on a server database (where the application
 * itself never creates demo accounts).
 */
@TestConfiguration
public class TestAccounts {

    @Bean
    @Primary
    UserDetailsService testAccounts(SchoolDirectory directory, PasswordEncoder encoder, java.time.Clock clock,
                                    LocalAccounts local) {
        var demo = new DemoAccounts(directory, encoder, clock);
        return username -> {
            try {
                return demo.loadUserByUsername(username);
            } catch (org.springframework.security.core.userdetails.UsernameNotFoundException e) {
                return local.loadUserByUsername(username); // the accounts the administrator created
            }
        };
    }
}
