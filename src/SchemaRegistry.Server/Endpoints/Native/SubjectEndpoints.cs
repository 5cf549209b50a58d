using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Core.Services;
using SchemaRegistry.Core.Storage;
using SchemaRegistry.Core.Subjects;
using SchemaRegistry.Server.Contracts;
using SchemaRegistry.Server.Contracts.Native;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Server.Security;

namespace SchemaRegistry.Server.Endpoints.Native;

/// <summary>Native subject endpoints: search, versions (by number, semver or latest), state changes, diffs.</summary>
internal static class SubjectEndpoints
{
    /// <summary>The largest page a search returns.</summary>
    public const int MaxPageSize = 1000;

    public static RouteGroupBuilder MapNativeSubjects(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/subjects").WithTags("Subjects");
        group.MapGet("/", Search).RequirePermission(Permissions.SchemaRead).Produces<SubjectPage>()
            .WithSummary("List and search subjects")
            .WithDescription("Filters by prefix, namespace, tag, state (of the latest live version), format, and free text q (subject, description, owner, tags).");
        group.MapGet("/{subject}", GetSubject).RequirePermission(Permissions.SchemaRead).Produces<SubjectDto>()
            .WithSummary("A subject with its versions");
        group.MapGet("/{subject}/versions", ListVersions).RequirePermission(Permissions.SchemaRead).Produces<List<VersionSummaryDto>>()
            .WithSummary("A subject's versions");
        group.MapGet("/{subject}/versions/{version}", GetVersion).RequirePermission(Permissions.SchemaRead).Produces<VersionDto>()
            .WithSummary("One version, by integer, semantic version (1.4.0) or latest");
        group.MapPost("/{subject}/versions/{version}/state", ChangeState).RequirePermission(Permissions.SchemaUpdate)
            .AcceptsJson<StateChangeRequest>().Produces<VersionDto>()
            .WithSummary("Change a version's state").WithDescription("DRAFT -> ACTIVE -> DEPRECATED (with a sunset date, default 90 days) -> ARCHIVED.");
        group.MapGet("/{subject}/diff", Diff).RequirePermission(Permissions.SchemaRead).Produces<DiffDto>()
            .WithSummary("Diff two versions").WithDescription("from and to are versions of this subject (integer, semver or latest); toSubject diffs against another subject.");
        return group;
    }

    private static async Task<IResult> Search(ISchemaStore store, string? prefix, string? @namespace, string? tag, string? state, string? format, string? q, int? offset, int? limit, CancellationToken token)
    {
        var pageSize = limit ?? 100;
        if (pageSize is < 1 or > MaxPageSize)
            throw new RegistryException(ErrorCode.InvalidRequest, $"limit must be between 1 and {MaxPageSize}.");
        if (offset is < 0) throw new RegistryException(ErrorCode.InvalidRequest, "offset must not be negative.");
        VersionState? wantedState = state is null ? null : NativeMapping.State(state);
        var found = await store.SearchSubjectsAsync(new SubjectSearch(prefix, @namespace, tag, wantedState, format, q, offset ?? 0, pageSize), token);
        return ApiResults.Native(new SubjectPage { Items = [.. found.Select(NativeMapping.ToSummary)], Offset = offset ?? 0, Limit = pageSize },
            RegistryJson.Context.SubjectPage);
    }

    private static async Task<IResult> GetSubject(string subject, SubjectQueries queries, ConfigService config, string? deleted, CancellationToken token)
    {
        var versions = await queries.GetVersionsAsync(subject, QueryFlag.Of(deleted), token);
        var effective = await config.GetEffectiveAsync(subject, token);
        return ApiResults.Native(new SubjectDto
        {
            Subject = subject,
            Namespace = SubjectName.Namespace(subject),
            Name = SubjectName.Name(subject),
            Compatibility = (effective.Level ?? CompatibilityLevel.Backward).ToWire(),
            Versions = [.. versions.Select(NativeMapping.ToSummaryItem)],
        }, RegistryJson.Context.SubjectDto);
    }

    private static async Task<IResult> ListVersions(string subject, SubjectQueries queries, string? deleted, CancellationToken token)
    {
        var versions = await queries.GetVersionsAsync(subject, QueryFlag.Of(deleted), token);
        return ApiResults.Native(versions.Select(NativeMapping.ToSummaryItem).ToList(), RegistryJson.Context.ListVersionSummaryDto);
    }

    private static async Task<IResult> GetVersion(string subject, string version, SubjectQueries queries, string? deleted, CancellationToken token)
    {
        var found = await queries.GetVersionAsync(subject, VersionSelector.Parse(version, allowSemver: true), QueryFlag.Of(deleted), token);
        return ApiResults.Native(NativeMapping.ToDto(found), RegistryJson.Context.VersionDto);
    }

    private static async Task<IResult> ChangeState(HttpRequest request, string subject, string version, LifecycleService lifecycle, CancellationToken token)
    {
        var body = await JsonBody.ReadAsync(request, RegistryJson.Context.StateChangeRequest);
        var target = NativeMapping.State(body.State);
        if (body.SunsetAt is not null && target != VersionState.Deprecated)
            throw new RegistryException(ErrorCode.InvalidRequest, "sunsetAt only applies to the DEPRECATED state.");
        var updated = await lifecycle.ChangeStateAsync(subject, VersionSelector.Parse(version, allowSemver: true), target, body.SunsetAt,
            RequestPrincipal.Name(request.HttpContext), token);
        return ApiResults.Native(NativeMapping.ToDto(updated), RegistryJson.Context.VersionDto);
    }

    private static async Task<IResult> Diff(string subject, string? from, string? to, string? toSubject, CompatibilityService compatibility, CancellationToken token)
    {
        if (from is null) throw new RegistryException(ErrorCode.InvalidRequest, "Give the older version as ?from= (integer, semver or latest).");
        var diff = await compatibility.DiffAsync(subject, VersionSelector.Parse(from, allowSemver: true),
            toSubject ?? subject, VersionSelector.Parse(to ?? "latest", allowSemver: true), token);
        return ApiResults.Native(new DiffDto
        {
            From = new VersionRefDto(diff.From.Subject, diff.From.Version, diff.From.Semver, diff.From.Schema.Id),
            To = new VersionRefDto(diff.To.Subject, diff.To.Version, diff.To.Semver, diff.To.Schema.Id),
            Bump = diff.Bump.ToString().ToUpperInvariant(),
            BackwardCompatible = diff.BackwardCompatible,
            ForwardCompatible = diff.ForwardCompatible,
            Changes = [.. diff.Changes.Select(NativeMapping.ToDto)],
        }, RegistryJson.Context.DiffDto);
    }
}
