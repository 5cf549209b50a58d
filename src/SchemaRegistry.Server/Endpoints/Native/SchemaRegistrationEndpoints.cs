using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Core.Services;
using SchemaRegistry.Core.Storage;
using SchemaRegistry.Server.Contracts;
using SchemaRegistry.Server.Contracts.Native;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Server.Security;

namespace SchemaRegistry.Server.Endpoints.Native;

/// <summary>Native schema endpoints: register with metadata, get by id.</summary>
internal static class SchemaRegistrationEndpoints
{
    public static RouteGroupBuilder MapNativeSchemas(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/schemas").WithTags("Schemas");
        group.MapPost("/", Register).RequirePermission(Permissions.SchemaCreate)
            .AcceptsJson<RegisterSchemaRequest>().Produces<RegisterSchemaResponse>(StatusCodes.Status201Created).Produces<RegisterSchemaResponse>()
            .WithSummary("Register a schema version").WithDescription("Registers a schema under a subject (or namespace + name) with description, owner, tags and metadata. Answers 201 with the new version, or 200 when the subject already has this schema.");
        group.MapGet("/{id:long}", GetById).RequirePermission(Permissions.SchemaRead).Produces<SchemaByIdDto>()
            .WithSummary("Get a schema by global id");
        return group;
    }

    private static async Task<IResult> Register(HttpRequest request, RegistrationService registration, CancellationToken token)
    {
        var body = await JsonBody.ReadAsync(request, RegistryJson.Context.RegisterSchemaRequest);
        var subject = NativeMapping.Subject(body);
        VersionState? state = body.State is null ? null : NativeMapping.State(body.State);
        if (state is not (null or VersionState.Active or VersionState.Draft))
            throw new RegistryException(ErrorCode.InvalidRequest, $"A new version starts as ACTIVE or DRAFT, not {body.State}.");
        var outcome = await registration.RegisterAsync(new RegistrationRequest(subject, body.SchemaType ?? NativeMapping.DefaultSchemaType,
            NativeMapping.SchemaText(body.Schema), NativeMapping.FromDtos(body.References))
        {
            Normalize = body.Normalize,
            Semver = body.Semver,
            State = state,
            Metadata = new VersionMetadata(body.Description, body.Owner, body.Tags ?? [], body.Metadata ?? []),
            Actor = RequestPrincipal.Name(request.HttpContext),
        }, token);
        var answer = new RegisterSchemaResponse
        {
            Id = outcome.Id,
            Subject = subject,
            Version = outcome.Version,
            Semver = outcome.Semver,
            Created = outcome.Created,
            Changes = [.. outcome.Changes.Select(NativeMapping.ToDto)],
        };
        return ApiResults.Native(answer, RegistryJson.Context.RegisterSchemaResponse,
            outcome.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> GetById(long id, SubjectQueries queries, SchemaLoader loader, CancellationToken token)
    {
        var schema = await queries.GetSchemaAsync(id, token);
        var usages = await queries.GetUsagesAsync(id, includeDeleted: false, token);
        var entry = await loader.GetAsync(id, token);
        return ApiResults.Native(new SchemaByIdDto
        {
            Id = schema.Id,
            SchemaType = schema.SchemaType,
            Schema = schema.Text,
            Fingerprint = schema.Fingerprint,
            References = NativeMapping.References(schema.References),
            UsedBy = [.. usages.Select(u => new UsageDto(u.Subject, u.Version))],
            Validator = entry?.Validator.Engine,
            Messages = entry?.Schema is IMultiMessageSchema messages ? [.. messages.MessageNames] : null,
        }, RegistryJson.Context.SchemaByIdDto);
    }
}
