package dev.restauth.authentication.boundary;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads every resource method's rules when JAX-RS deploys it, so that an {@link AuthenticatedBy}
 * naming a scheme that is not enabled fails the deployment instead of a request, and indexes its
 * path for {@link UndeclaredMethods}.
 */
@Provider
public class AuthenticatedByCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        ResourceRules.Rules rules = CDI.current()
                .select(ResourceRules.class)
                .get()
                .of(resource.getResourceClass(), resource.getResourceMethod());
        CDI.current().select(Routes.class).get().add(resource.getResourceClass(), resource.getResourceMethod(), rules);
    }
}
