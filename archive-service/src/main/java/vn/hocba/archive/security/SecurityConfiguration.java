package vn.hocba.archive.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

import vn.hocba.archive.HocbaProperties;
import vn.hocba.archive.school.SchoolDirectory;

/** HTTP Basic for the API, a login form for the pages; the API answers 401/403 as problems, pages redirect to login. */
@Configuration
@EnableMethodSecurity
@org.springframework.boot.context.properties.EnableConfigurationProperties(LoginThrottle.Settings.class)
class SecurityConfiguration {

    /**
     * The API: HTTP Basic only, no session (a page's session cookie is not honoured here, so a forged cross-site
     * request carries no credentials), and state changes refused from a foreign Origin (browsers may cache Basic
     * credentials). Refusals are problem+json.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager signIn, LoginThrottle throttle) throws Exception {
        var basic = new BasicAuthenticationEntryPoint() {
            @Override
            public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                    throws IOException {
                if (e instanceof ThrottledAuthentication.SignInThrottledException throttled) {
                    response.setHeader("Retry-After", Long.toString(Math.max(1,
                            java.time.Duration.between(throttle.now(), throttled.until()).toSeconds() + 1)));
                    ApiProblems.write(request, response, HttpStatus.TOO_MANY_REQUESTS.value(), "sign-in-throttled",
                            "Too many failed sign-ins from this address",
                            "Too many wrong passwords from this network address: try again after " + throttled.until() + ".",
                            "Có quá nhiều lần nhập sai mật khẩu từ địa chỉ mạng này: vui lòng thử lại sau "
                                    + throttled.until() + ".");
                    return;
                }
                if (e instanceof ThrottledAuthentication.SignInLockedException locked) {
                    response.setHeader("Retry-After", Long.toString(locked.retryAfterSeconds(throttle.now())));
                    ApiProblems.write(request, response, HttpStatus.TOO_MANY_REQUESTS.value(), "sign-in-locked",
                            "Too many failed sign-ins",
                            "Too many failed sign-ins for this account: try again after " + locked.until() + ".",
                            "Đăng nhập sai quá nhiều lần: tài khoản tạm khoá, vui lòng thử lại sau " + locked.until() + ".");
                    return;
                }
                response.setHeader("WWW-Authenticate", "Basic realm=\"Hocba\"");
                ApiProblems.write(request, response, 401, "unauthenticated", "Unauthorized",
                        "Sign in (HTTP Basic) to use this endpoint.", "Vui lòng đăng nhập (HTTP Basic) để dùng chức năng này.");
            }
        };
        basic.setRealmName("Hocba");
        http.securityMatcher("/api/**")
                .authenticationManager(signIn)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/pki/trust-anchors").permitAll()
                        // public validation (API.md "Validation"): anyone, no account
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/validation").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(basic))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .csrf(AbstractHttpConfigurer::disable)
                .headers(h -> h.frameOptions(f -> f.disable()).addHeaderWriter(new SecurityHeaders()))
                .addFilterBefore(new SameOriginFilter(), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(basic)
                        .accessDeniedHandler((req, res, ex) -> ApiProblems.write(req, res, HttpStatus.FORBIDDEN.value(),
                                "forbidden", "Forbidden", "Your role does not allow this.",
                                "Vai trò của bạn không được phép thực hiện thao tác này.")));
        return http.build();
    }

    /** The pages: a login form and a session, CSRF tokens on every form; Basic also accepted (e.g. for PDF links). */
    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http, AuthenticationManager signIn) throws Exception {
        http.authenticationManager(signIn)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
                        // the public verification pages that a document's QR code opens, and the upload form
                        .requestMatchers("/verify", "/verify/**").permitAll()
                        // probes answer anyone; details (which dependency is down) only to administrators
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // the generated API description and its Swagger UI are public, like the API's documentation
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.realmName("Hocba"))
                .headers(h -> h.frameOptions(f -> f.disable()).addHeaderWriter(new SecurityHeaders()))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll()
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof org.springframework.security.authentication.LockedException
                                ? "/login?locked" : "/login?error"))))
                .logout(l -> l.logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    /**
     * Every sign-in, on the API and the pages: the accounts' passwords ({@link #accounts}) behind the
     * {@link LoginThrottle}.
     */
    @Bean
    AuthenticationManager signIn(UserDetailsService accounts, PasswordEncoder encoder, LoginThrottle throttle,
                                 LoginThrottle.Settings settings, java.time.Clock clock) {
        var passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottledAuthentication(passwords, throttle,
                new ClientThrottle(settings.clientLimit(), settings.clientWindow(), clock)));
    }

    @Bean
    LoginThrottle loginThrottle(org.springframework.jdbc.core.simple.JdbcClient db,
                                org.springframework.transaction.support.TransactionTemplate tx, java.time.Clock clock,
                                org.springframework.context.ApplicationEventPublisher events,
                                LoginThrottle.Settings settings) {
        return new LoginThrottle(db, tx, clock, events, settings);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new RememberingPasswordEncoder(new BCryptPasswordEncoder());
    }

    /**
     * Demo accounts exist on the embedded default only (SCHOOL-YEAR-FORMAT.md: "No other configuration may create
     * them"): demo mode on a server database creates none.
     */
    @Bean
    UserDetailsService accounts(HocbaProperties properties, SchoolDirectory directory, PasswordEncoder encoder,
                                java.time.Clock clock, @Value("${spring.datasource.url:}") String databaseUrl,
                                LocalAccounts local) {
        if (demoAccounts(properties, databaseUrl)) {
            var demo = new DemoAccounts(directory, encoder, clock);
            return username -> {
                try {
                    return demo.loadUserByUsername(username);
                } catch (UsernameNotFoundException e) {
                    return local.loadUserByUsername(username);
                }
            };
        }
        // the accounts the administrator created (staff, inspectors) and the first administrator; a view of them, not
        // the LocalAccounts bean itself, which would then be there twice for whoever asks for LocalAccounts
        return local::loadUserByUsername;
    }

    /** Whether the demo accounts exist: demo mode on the embedded database only. */
    static boolean demoAccounts(HocbaProperties properties, String databaseUrl) {
        return properties.demo().enabled() && databaseUrl.startsWith("jdbc:h2:");
    }

    @Bean
    LocalAccounts localAccounts(org.springframework.jdbc.core.simple.JdbcClient db, PasswordEncoder encoder,
                                java.time.Clock clock, org.springframework.context.ApplicationEventPublisher events,
                                SchoolDirectory directory) {
        return new LocalAccounts(db, encoder, clock, events, directory);
    }
}
