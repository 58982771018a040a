package org.duban.app.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The files the pages load, under their own paths only ({@code spring.web.resources.add-mappings} is off). Spring
 * Boot's default handler for {@code /**} made the link-rewriting filter that the WebJars locator brings look up every
 * link a page writes as a classpath resource: an inbox of a few thousand steps took seconds to render. Now only links
 * under these paths are looked up; WebJars are still named without their version.
 */
@Configuration
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
        // browsers ask for it on every page: answered (404 while there is none) without a warning in the log
        registry.addResourceHandler("/favicon.ico").addResourceLocations("classpath:/static/");
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true);
    }
}
