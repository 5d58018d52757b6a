/* The API docs page: Swagger UI from the package's own files, reading this server's schema.
   validatorUrl null: Swagger UI would otherwise send the schema to an online validator. */
window.ui = SwaggerUIBundle({
  url: "/api/openapi.json",
  dom_id: "#swagger-ui",
  validatorUrl: null,
  deepLinking: true,
  tryItOutEnabled: true,
});
