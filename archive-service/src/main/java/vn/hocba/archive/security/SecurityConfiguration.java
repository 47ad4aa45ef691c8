package vn.hocba.archive.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import vn.hocba.archive.HocbaProperties;
import vn.hocba.archive.school.SchoolDirectory;

/** HTTP Basic for the API, a login form for the pages; the API answers 401/403 as problems, pages redirect to login. */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
        var basic = new BasicAuthenticationEntryPoint() {
            @Override
            public void commence(jakarta.servlet.http.HttpServletRequest request,
                                 jakarta.servlet.http.HttpServletResponse response,
                                 org.springframework.security.core.AuthenticationException e) throws java.io.IOException {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Hocba\"");
                ApiProblems.write(response, 401, "unauthenticated", "Unauthorized",
                        "Sign in (HTTP Basic) to use this endpoint.", "Vui lòng đăng nhập (HTTP Basic) để dùng chức năng này.");
            }
        };
        basic.setRealmName("Hocba");
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/pki/trust-anchors", "/login", "/css/**", "/favicon.ico", "/error").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(basic))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(api))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(basic, api)
                        .defaultAccessDeniedHandlerFor((req, res, ex) -> ApiProblems.write(res, HttpStatus.FORBIDDEN.value(),
                                "forbidden", "Forbidden", "Your role does not allow this.",
                                "Vai trò của bạn không được phép thực hiện thao tác này."), api));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService accounts(HocbaProperties properties, SchoolDirectory directory, PasswordEncoder encoder) {
        if (properties.demo().enabled()) {
            return new DemoAccounts(directory, encoder);
        }
        // Real accounts (with forced password change) come with roles and administration; until then, no one.
        return username -> {
            throw new UsernameNotFoundException("no such account");
        };
    }
}
