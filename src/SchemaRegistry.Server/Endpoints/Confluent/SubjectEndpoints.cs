using SchemaRegistry.Core.Security;
using SchemaRegistry.Core.Services;
using SchemaRegistry.Core.Storage;
using SchemaRegistry.Server.Contracts;
using SchemaRegistry.Server.Contracts.Confluent;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Server.Security;

namespace SchemaRegistry.Server.Endpoints.Confluent;

/// <summary>Confluent's <c>/subjects</c> endpoints: list, look up, register, read and delete versions.</summary>
internal static class SubjectEndpoints
{
    public static RouteGroupBuilder MapConfluentSubjects(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/subjects").WithTags("Confluent: subjects");

        group.MapGet("/", ListSubjects).RequirePermission(Permissions.SchemaRead).Produces<List<string>>();
        group.MapPost("/{subject}", LookUp).RequirePermission(Permissions.SchemaRead).AcceptsJson<SchemaRequest>().Produces<SchemaDto>();
        group.MapDelete("/{subject}", DeleteSubject).RequirePermission(Permissions.SchemaDelete).Produces<List<int>>();
        group.MapGet("/{subject}/versions", ListVersions).RequirePermission(Permissions.SchemaRead).Produces<List<int>>();
        group.MapPost("/{subject}/versions", Register).RequirePermission(Permissions.SchemaCreate).AcceptsJson<SchemaRequest>().Produces<RegisterResponse>();
        group.MapGet("/{subject}/versions/{version}", GetVersion).RunsOnEventThread().RequirePermission(Permissions.SchemaRead).Produces<SchemaDto>();
        group.MapGet("/{subject}/versions/{version}/schema", GetVersionSchema).RunsOnEventThread().RequirePermission(Permissions.SchemaRead).Produces<string>();
        group.MapGet("/{subject}/versions/{version}/referencedby", GetReferencedBy).RequirePermission(Permissions.SchemaRead).Produces<List<long>>();
        group.MapDelete("/{subject}/versions/{version}", DeleteVersion).RequirePermission(Permissions.SchemaDelete).Produces<int>();
        return group;
    }

    private static async Task<IResult> ListSubjects(SubjectQueries queries, string? subjectPrefix, string? deleted, string? deletedOnly, int? offset, int? limit, CancellationToken token)
    {
        var subjects = await queries.ListSubjectsAsync(
            new SubjectQuery(subjectPrefix, QueryFlag.Of(deleted), QueryFlag.Of(deletedOnly), Math.Max(0, offset ?? 0), limit is > 0 ? limit.Value : -1), token);
        return ApiResults.Confluent(subjects.ToList(), RegistryJson.Context.ListString);
    }

    private static async Task<IResult> LookUp(HttpRequest request, string subject, SubjectQueries queries, string? normalize, string? deleted, CancellationToken token)
    {
        var body = await JsonBody.ReadAsync(request, RegistryJson.Context.SchemaRequest);
        var found = await queries.LookupAsync(subject, body.SchemaType, ConfluentMapping.RequireSchema(body), ConfluentMapping.FromDtos(body.References),
            QueryFlag.Of(normalize), QueryFlag.Of(deleted), token);
        return ApiResults.Confluent(ConfluentMapping.ToDto(found), RegistryJson.Context.SchemaDto);
    }

    private static async Task<IResult> Register(HttpRequest request, string subject, RegistrationService registration, string? normalize, CancellationToken token)
    {
        var body = await JsonBody.ReadAsync(request, RegistryJson.Context.SchemaRequest);
        var outcome = await registration.RegisterAsync(new RegistrationRequest(subject, body.SchemaType, ConfluentMapping.RequireSchema(body), ConfluentMapping.FromDtos(body.References))
        {
            Normalize = QueryFlag.Of(normalize),
            Id = body.Id,
            Version = body.Version,
            Actor = RequestPrincipal.Name(request.HttpContext),
        }, token);
        return ApiResults.Confluent(new RegisterResponse
        {
            Id = outcome.Id,
            Version = outcome.Version,
            SchemaType = ConfluentMapping.SchemaTypeField(outcome.SchemaType),
            Schema = outcome.CanonicalText,
        }, RegistryJson.Context.RegisterResponse);
    }

    private static async Task<IResult> ListVersions(string subject, SubjectQueries queries, string? deleted, string? deletedOnly, CancellationToken token)
    {
        var onlyDeleted = QueryFlag.Of(deletedOnly);
        var versions = await queries.GetVersionsAsync(subject, QueryFlag.Of(deleted) || onlyDeleted, token);
        var numbers = versions.Where(v => !onlyDeleted || v.Deleted).Select(v => v.Version).ToList();
        return ApiResults.Confluent(numbers, RegistryJson.Context.ListInt32);
    }

    private static async Task<IResult> GetVersion(string subject, string version, SubjectQueries queries, string? deleted, CancellationToken token)
    {
        var found = await queries.GetVersionAsync(subject, VersionSelector.Parse(version), QueryFlag.Of(deleted), token);
        return ApiResults.Confluent(ConfluentMapping.ToDto(found), RegistryJson.Context.SchemaDto);
    }

    private static async Task<IResult> GetVersionSchema(HttpRequest request, string subject, string version, SubjectQueries queries, string? deleted, CancellationToken token)
    {
        var found = await queries.GetVersionAsync(subject, VersionSelector.Parse(version), QueryFlag.Of(deleted), token);
        return ApiResults.Raw(found.Schema.Text, request);
    }

    private static async Task<IResult> GetReferencedBy(string subject, string version, SubjectQueries queries, CancellationToken token)
    {
        var ids = await queries.GetReferencedByAsync(subject, VersionSelector.Parse(version), token);
        return ApiResults.Confluent(ids.ToList(), RegistryJson.Context.ListInt64);
    }

    private static async Task<IResult> DeleteVersion(HttpRequest request, string subject, string version, DeletionService deletion, string? permanent, CancellationToken token)
    {
        var deleted = await deletion.DeleteVersionAsync(subject, VersionSelector.Parse(version), QueryFlag.Of(permanent), RequestPrincipal.Name(request.HttpContext), token);
        return ApiResults.Confluent(deleted, RegistryJson.Context.Int32);
    }

    private static async Task<IResult> DeleteSubject(HttpRequest request, string subject, DeletionService deletion, string? permanent, CancellationToken token)
    {
        var deleted = await deletion.DeleteSubjectAsync(subject, QueryFlag.Of(permanent), RequestPrincipal.Name(request.HttpContext), token);
        return ApiResults.Confluent(deleted.ToList(), RegistryJson.Context.ListInt32);
    }
}
