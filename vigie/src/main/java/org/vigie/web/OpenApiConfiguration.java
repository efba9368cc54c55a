package org.vigie.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /api/docs}: bearer personal access tokens on every operation. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI vigieOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Vigie API")
				.version("v1")
				.description("The community manager's lookout. Authenticate with a personal access token "
						+ "(POST /api/v1/tokens or Settings) sent as `Authorization: Bearer <token>`. Roles and show "
						+ "access are the same as in the web UI; analysts are read-only.")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("vg_…")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
