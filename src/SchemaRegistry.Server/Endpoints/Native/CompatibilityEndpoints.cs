using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Core.Services;
using SchemaRegistry.Server.Contracts;
using SchemaRegistry.Server.Contracts.Native;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Server.Security;

namespace SchemaRegistry.Server.Endpoints.Native;

/// <summary>The native compatibility check: the full diff, the verdict at every level, the proposed semver.</summary>
internal static class CompatibilityEndpoints
{
    public static RouteGroupBuilder MapNativeCompatibility(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/compatibility").WithTags("Compatibility");
        group.MapPost("/subjects/{subject}", Check).RequirePermission(Permissions.SchemaRead)
            .AcceptsJson<CheckSchemaRequest>().Produces<CompatibilityReportDto>()
            .WithSummary("Check a candidate schema against a subject")
            .WithDescription("Answers the verdict at the subject's level with every violation, the verdict at all seven levels, the full diff from the latest version and the semver the candidate would get. Registers nothing.");
        return group;
    }

    private static async Task<IResult> Check(HttpRequest request, string subject, CompatibilityService compatibility, CancellationToken token)
    {
        var body = await JsonBody.ReadAsync(request, RegistryJson.Context.CheckSchemaRequest);
        var candidate = new CandidateSchema(body.SchemaType ?? NativeMapping.DefaultSchemaType, NativeMapping.SchemaText(body.Schema),
            NativeMapping.FromDtos(body.References), body.Normalize ?? false);
        var analysis = await compatibility.AnalyzeAsync(subject, candidate, token);
        return ApiResults.Native(new CompatibilityReportDto
        {
            Compatible = analysis.Report.IsCompatible,
            Level = analysis.Level.ToWire(),
            AgainstVersion = analysis.AgainstVersion,
            ProposedSemver = analysis.ProposedSemver,
            Verdicts = analysis.Verdicts.ToDictionary(v => v.Key.ToWire(), v => v.Value),
            Violations = [.. analysis.Report.Violations.Select(v => new ViolationDto(v.AgainstVersion, v.Direction.ToString().ToUpperInvariant(), v.Change.Kind, v.Change.Path, v.Change.Message))],
            Changes = [.. analysis.Changes.Select(NativeMapping.ToDto)],
        }, RegistryJson.Context.CompatibilityReportDto);
    }
}
