using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Core.Services;
using SchemaRegistry.Server.Contracts;
using SchemaRegistry.Server.Contracts.Confluent;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Server.Security;

namespace SchemaRegistry.Server.Endpoints.Confluent;

/// <summary>Confluent's <c>/compatibility</c> endpoints: test a schema against one version or all of them.</summary>
internal static class CompatibilityEndpoints
{
    public static RouteGroupBuilder MapConfluentCompatibility(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/compatibility/subjects/{subject}").WithTags("Confluent: compatibility").RequirePermission(Permissions.SchemaRead);
        group.MapPost("/versions/{version}", CheckOne).AcceptsJson<SchemaRequest>().Produces<CompatibilityResponse>();
        group.MapPost("/versions", CheckAll).AcceptsJson<SchemaRequest>().Produces<CompatibilityResponse>();
        return group;
    }

    private static Task<IResult> CheckOne(HttpRequest request, string subject, string version, CompatibilityService compatibility, string? verbose, string? normalize, CancellationToken token) =>
        Check(request, subject, VersionSelector.Parse(version), compatibility, QueryFlag.Of(verbose), QueryFlag.Of(normalize), token);

    private static Task<IResult> CheckAll(HttpRequest request, string subject, CompatibilityService compatibility, string? verbose, string? normalize, CancellationToken token) =>
        Check(request, subject, null, compatibility, QueryFlag.Of(verbose), QueryFlag.Of(normalize), token);

    private static async Task<IResult> Check(HttpRequest request, string subject, VersionSelector? version, CompatibilityService compatibility, bool verbose, bool normalize, CancellationToken token)
    {
        var body = await JsonBody.ReadAsync(request, RegistryJson.Context.SchemaRequest);
        var candidate = new CandidateSchema(body.SchemaType, ConfluentMapping.RequireSchema(body), ConfluentMapping.FromDtos(body.References), normalize);
        CompatibilityResponse answer;
        try
        {
            var check = await compatibility.CheckAsync(subject, version, candidate, token);
            answer = new CompatibilityResponse { IsCompatible = check.Report.IsCompatible, Messages = verbose ? [.. check.Messages] : null };
        }
        catch (RegistryException e) when (verbose && e.Code == ErrorCode.InvalidSchema)
        {
            // Confluent answers an invalid candidate with a verdict rather than an error when asked to be verbose.
            answer = new CompatibilityResponse { IsCompatible = false, Messages = [e.Message] };
        }
        return ApiResults.Confluent(answer, RegistryJson.Context.CompatibilityResponse);
    }
}
