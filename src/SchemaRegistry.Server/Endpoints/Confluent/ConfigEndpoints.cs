using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Core.Services;
using SchemaRegistry.Core.Storage;
using SchemaRegistry.Server.Contracts;
using SchemaRegistry.Server.Contracts.Confluent;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Server.Security;

namespace SchemaRegistry.Server.Endpoints.Confluent;

/// <summary>Confluent's <c>/config</c> endpoints: the compatibility level, global and per subject.</summary>
internal static class ConfigEndpoints
{
    public static RouteGroupBuilder MapConfluentConfig(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/config").WithTags("Confluent: config");
        group.MapGet("/", GetGlobal).RequirePermission(Permissions.SchemaRead).Produces<ConfigResponse>();
        group.MapPut("/", PutGlobal).RequirePermission(Permissions.ConfigWrite).AcceptsJson<ConfigUpdateRequest>().Produces<ConfigUpdateResponse>();
        group.MapDelete("/", DeleteGlobal).RequirePermission(Permissions.ConfigWrite).Produces<ConfigResponse>();
        group.MapGet("/{subject}", GetSubject).RequirePermission(Permissions.SchemaRead).Produces<ConfigResponse>();
        group.MapPut("/{subject}", PutSubject).RequirePermission(Permissions.ConfigWrite).AcceptsJson<ConfigUpdateRequest>().Produces<ConfigUpdateResponse>();
        group.MapDelete("/{subject}", DeleteSubject).RequirePermission(Permissions.ConfigWrite).Produces<ConfigResponse>();
        return group;
    }

    private static async Task<IResult> GetGlobal(ConfigService config, CancellationToken token) =>
        Answer(await config.GetGlobalAsync(token));

    private static async Task<IResult> GetSubject(string subject, ConfigService config, string? defaultToGlobal, CancellationToken token) =>
        Answer(await config.GetSubjectAsync(subject, QueryFlag.Of(defaultToGlobal), token));

    private static Task<IResult> PutGlobal(HttpRequest request, ConfigService config, CancellationToken token) =>
        Put(request, null, config, token);

    private static Task<IResult> PutSubject(HttpRequest request, string subject, ConfigService config, CancellationToken token) =>
        Put(request, subject, config, token);

    private static async Task<IResult> Put(HttpRequest request, string? subject, ConfigService config, CancellationToken token)
    {
        var body = await JsonBody.ReadAsync(request, RegistryJson.Context.ConfigUpdateRequest);
        var text = body.Compatibility ?? body.CompatibilityLevel;
        if (text is null && body.Normalize is null)
            throw new RegistryException(ErrorCode.InvalidCompatibilityLevel, "The request has no \"compatibility\"; send one of NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE.");
        CompatibilityLevel? level = text is null ? null : ConfigService.ParseLevel(text);
        if (subject is not null) Core.Subjects.SubjectName.EnsureValid(subject);
        if (level is null)
        {
            // Only normalize changes: keep the level this scope already had.
            var current = subject is null ? await config.GetGlobalAsync(token) : await config.GetSubjectAsync(subject, true, token);
            level = current.Level;
        }
        var saved = await config.SetAsync(subject, new SubjectConfig(level, body.Normalize), RequestPrincipal.Name(request.HttpContext), token);
        return ApiResults.Confluent(new ConfigUpdateResponse { Compatibility = saved.Level?.ToWire(), Normalize = saved.Normalize },
            RegistryJson.Context.ConfigUpdateResponse);
    }

    private static async Task<IResult> DeleteGlobal(HttpRequest request, ConfigService config, CancellationToken token) =>
        Answer(await config.DeleteGlobalAsync(RequestPrincipal.Name(request.HttpContext), token));

    private static async Task<IResult> DeleteSubject(HttpRequest request, string subject, ConfigService config, CancellationToken token) =>
        Answer(await config.DeleteSubjectAsync(subject, RequestPrincipal.Name(request.HttpContext), token));

    private static IResult Answer(SubjectConfig config) =>
        ApiResults.Confluent(new ConfigResponse { CompatibilityLevel = config.Level?.ToWire(), Normalize = config.Normalize },
            RegistryJson.Context.ConfigResponse);
}
