package vn.hocba.archive.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The pages' language (issue 18): Vietnamese unless the person chose English with the header's link
 * ({@code ?lang=en}, kept a year in the cookie {@code hocba-lang}; {@code ?lang=vi} back). The texts are
 * {@code messages.properties} (Vietnamese) and {@code messages_en.properties}, with the same keys (MessageBundlesTest).
 * The browser's {@code Accept-Language} does not choose the pages' language: a school's browsers are often set to
 * English. The public verification pages follow it, as before.
 */
@Configuration(proxyBeanMethods = false)
class PageLanguage implements WebMvcConfigurer {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("hocba-lang");
        resolver.setDefaultLocale(VIETNAMESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**");
    }
}
