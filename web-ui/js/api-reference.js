// The API reference page: Swagger UI (a WebJar) rendering the node's own OpenAPI 3.1 document.
// A classic script, not a module: the bundle defines the global SwaggerUIBundle.
window.addEventListener('DOMContentLoaded', () => {
  window.SwaggerUIBundle({
    url: '/api/v1/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    // Grouped by the first path segment (alerts, meetings, oncall …), the operations folded until opened.
    docExpansion: 'list',
    tagsSorter: 'alpha',
    // Swagger UI would otherwise ask an outside validator service about the document.
    validatorUrl: null,
  });
});
