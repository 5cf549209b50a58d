using Scalar.AspNetCore;
using SchemaRegistry.Server.Endpoints.Confluent;
using SchemaRegistry.Server.Endpoints.Health;
using SchemaRegistry.Server.Endpoints.Native;
using SchemaRegistry.Server.Errors;
using SchemaRegistry.Server.Observability;

namespace SchemaRegistry.Server.Hosting;

/// <summary>The HTTP surface: health, the Confluent API at the root, the native API under /api/v1, OpenAPI and docs.</summary>
internal static class RegistryEndpoints
{
    public static WebApplication MapRegistry(this WebApplication app)
    {
        app.UseMiddleware<HttpMetricsMiddleware>();
        app.UseMiddleware<RequestLogScopeMiddleware>();
        app.UseMiddleware<ErrorHandlingMiddleware>();
        app.UseRouting();
        app.UseMiddleware<Http.EncodedSlashMiddleware>();
        app.UseMiddleware<Http.EventThreads.HopMiddleware>();

        app.MapHealth();
        app.MapRegistryMetrics();

        app.MapConfluentRoot();
        app.MapConfluentSubjects();
        app.MapConfluentSchemas();
        app.MapConfluentConfig();
        app.MapConfluentMode();
        app.MapConfluentCompatibility();

        var native = app.MapGroup("/api/v1");
        native.MapNativeSchemas();
        native.MapNativeSubjects();
        native.MapNativeCompatibility();
        native.MapNativeValidation();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("LLM Schema Registry API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        return app;
    }
}
