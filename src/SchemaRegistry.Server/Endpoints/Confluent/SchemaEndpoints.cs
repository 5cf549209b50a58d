using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Core.Services;
using SchemaRegistry.Core.Storage;
using SchemaRegistry.Server.Contracts;
using SchemaRegistry.Server.Contracts.Confluent;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Server.Security;

namespace SchemaRegistry.Server.Endpoints.Confluent;

/// <summary>Confluent's <c>/schemas</c> endpoints: schemas by global id, their usages, the list, the types.</summary>
internal static class SchemaEndpoints
{
    public static RouteGroupBuilder MapConfluentSchemas(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/schemas").WithTags("Confluent: schemas").RequirePermission(Permissions.SchemaRead);
        group.MapGet("/", ListSchemas).Produces<List<SchemaDto>>();
        group.MapGet("/types", Types).Produces<List<string>>();
        group.MapGet("/ids/{id:long}", GetById).RunsOnEventThread().Produces<SchemaDto>();
        group.MapGet("/ids/{id:long}/schema", GetRawById).RunsOnEventThread().Produces<string>();
        group.MapGet("/ids/{id:long}/subjects", GetSubjects).Produces<List<string>>();
        group.MapGet("/ids/{id:long}/versions", GetVersions).Produces<List<SubjectVersionDto>>();
        return group;
    }

    private static async Task<IResult> ListSchemas(ISchemaStore store, string? subjectPrefix, string? deleted, string? latestOnly, int? offset, int? limit, CancellationToken token)
    {
        var versions = await store.ListVersionsAsync(
            new VersionQuery(subjectPrefix, QueryFlag.Of(deleted), QueryFlag.Of(latestOnly), Math.Max(0, offset ?? 0), limit is > 0 ? limit.Value : -1), token);
        return ApiResults.Confluent(versions.Select(ConfluentMapping.ToDto).ToList(), RegistryJson.Context.ListSchemaDto);
    }

    private static IResult Types(SchemaLoader loader) =>
        ApiResults.Confluent(loader.Formats.Types.ToList(), RegistryJson.Context.ListString);

    private static async Task GetById(HttpContext context, long id, SubjectQueries queries, ISchemaStore store, SchemaResponseCache cache, string? subject, string? fetchMaxId, CancellationToken token)
    {
        if (subject is null && !QueryFlag.Of(fetchMaxId))
        {
            // The common case (every deserializer asks it): immutable, served from cached bytes.
            var cached = await cache.GetAsync(id, token);
            await SchemaResponseCache.WriteAsync(context, cached.Json, cached.ETag, MediaTypes.Negotiate(context.Request));
            return;
        }
        var schema = await queries.GetSchemaAsync(id, token);
        if (subject is not null)
        {
            // With ?subject=, the id must be used by that subject (Confluent's contexts-aware lookup).
            var usages = await queries.GetUsagesAsync(id, includeDeleted: true, token);
            if (!usages.Any(u => u.Subject == subject)) throw new RegistryException(ErrorCode.SchemaNotFound, $"Schema {id} not found");
        }
        var dto = ConfluentMapping.ToDto(schema);
        if (QueryFlag.Of(fetchMaxId)) dto.MaxId = await store.GetMaxSchemaIdAsync(token);
        await ApiResults.Confluent(dto, RegistryJson.Context.SchemaDto).ExecuteAsync(context);
    }

    private static async Task GetRawById(HttpContext context, long id, SchemaResponseCache cache, CancellationToken token)
    {
        var cached = await cache.GetAsync(id, token);
        await SchemaResponseCache.WriteAsync(context, cached.Raw, cached.ETag, MediaTypes.Negotiate(context.Request));
    }

    private static async Task<IResult> GetSubjects(long id, SubjectQueries queries, string? deleted, CancellationToken token)
    {
        var usages = await queries.GetUsagesAsync(id, QueryFlag.Of(deleted), token);
        return ApiResults.Confluent(usages.Select(u => u.Subject).Distinct().Order(StringComparer.Ordinal).ToList(), RegistryJson.Context.ListString);
    }

    private static async Task<IResult> GetVersions(long id, SubjectQueries queries, string? deleted, CancellationToken token)
    {
        var usages = await queries.GetUsagesAsync(id, QueryFlag.Of(deleted), token);
        return ApiResults.Confluent(usages.Select(u => new SubjectVersionDto { Subject = u.Subject, Version = u.Version }).ToList(),
            RegistryJson.Context.ListSubjectVersionDto);
    }
}
