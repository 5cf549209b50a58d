using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Contracts;
using SchemaRegistry.Server.Contracts.Confluent;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Server.Security;

namespace SchemaRegistry.Server.Endpoints.Confluent;

/// <summary>Confluent's root: <c>GET /</c> answers an empty object; <c>/contexts</c> lists the default context.</summary>
internal static class RootEndpoints
{
    public static IEndpointRouteBuilder MapConfluentRoot(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", () => ApiResults.Confluent(new RootResponse(), RegistryJson.Context.RootResponse))
            .WithTags("Confluent: root").RequirePermission(Permissions.SchemaRead).Produces<RootResponse>();
        routes.MapGet("/contexts", () => ApiResults.Confluent(new List<string> { "." }, RegistryJson.Context.ListString))
            .WithTags("Confluent: root").RequirePermission(Permissions.SchemaRead).Produces<List<string>>();
        return routes;
    }
}
