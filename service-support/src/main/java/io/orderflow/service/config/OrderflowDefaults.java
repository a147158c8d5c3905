package io.orderflow.service.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Adds {@code orderflow-defaults.properties} (the settings every service shares) as the lowest-priority
 * property source, before logging starts: a {@code @PropertySource} would come too late for the log
 * pattern. A service's application.properties, system properties and the environment override it.
 */
public final class OrderflowDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "orderflow-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            Properties properties = PropertiesLoaderUtils.loadProperties(new ClassPathResource(RESOURCE));
            Map<String, Object> defaults = new HashMap<>();
            properties.forEach((key, value) -> defaults.put(key.toString(), value));
            DefaultPropertiesPropertySource.addOrMerge(defaults, environment.getPropertySources());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
