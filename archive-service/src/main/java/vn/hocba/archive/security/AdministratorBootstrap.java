package vn.hocba.archive.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import vn.hocba.archive.HocbaProperties;

/**
 * The first system administrator of a server installation, where no demo account exists: at start, when no system
 * administrator account exists yet and {@code hocba.admin.initial-password} ({@code HOCBA_ADMIN_INITIAL_PASSWORD}) is
 * set, creates {@code admin} with that password, to be changed at the first sign-in. The variable may then be removed:
 * once an administrator exists it is never read again. Without it, the log says how to create one. On the embedded
 * demo, the demo account {@code admin} / {@code admin} is the administrator and nothing is created.
 */
@Component
class AdministratorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);
    static final String USERNAME = "admin";

    private final LocalAccounts local;
    private final boolean demoAccounts;
    private final String initialPassword;

    AdministratorBootstrap(LocalAccounts local, HocbaProperties properties,
                           @Value("${spring.datasource.url:}") String databaseUrl,
                           @Value("${hocba.admin.initial-password:}") String initialPassword) {
        this.local = local;
        this.demoAccounts = SecurityConfiguration.demoAccounts(properties, databaseUrl);
        this.initialPassword = initialPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demoAccounts) {
            return;
        }
        if (initialPassword.isEmpty()) {
            if (!local.hasAdministrator()) {
                log.warn("no system administrator account yet: start once with HOCBA_ADMIN_INITIAL_PASSWORD set (at least"
                        + " {} characters) to create '{}', whose password is changed at its first sign-in",
                        LocalAccounts.MIN_PASSWORD, USERNAME);
            }
            return;
        }
        try {
            if (local.createFirstAdministrator(USERNAME, initialPassword)) {
                log.info("created the system administrator '{}' from hocba.admin.initial-password: its password must be"
                        + " changed at the first sign-in", USERNAME);
            }
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // another instance starting at the same moment created it: one administrator, as intended
            log.info("the system administrator '{}' was created by another instance", USERNAME);
        }
    }
}
