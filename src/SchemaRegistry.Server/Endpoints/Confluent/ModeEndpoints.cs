using SchemaRegistry.Core.Security;
using SchemaRegistry.Core.Services;
using SchemaRegistry.Core.Storage;
using SchemaRegistry.Server.Contracts;
using SchemaRegistry.Server.Contracts.Confluent;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Server.Security;

namespace SchemaRegistry.Server.Endpoints.Confluent;

/// <summary>Confluent's <c>/mode</c> endpoints: READWRITE, READONLY, READONLY_OVERRIDE, IMPORT.</summary>
internal static class ModeEndpoints
{
    public static RouteGroupBuilder MapConfluentMode(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/mode").WithTags("Confluent: mode");
        group.MapGet("/", GetGlobal).RequirePermission(Permissions.SchemaRead).Produces<ModeDto>();
        group.MapPut("/", PutGlobal).RequirePermission(Permissions.Admin).AcceptsJson<ModeDto>().Produces<ModeDto>();
        group.MapGet("/{subject}", GetSubject).RequirePermission(Permissions.SchemaRead).Produces<ModeDto>();
        group.MapPut("/{subject}", PutSubject).RequirePermission(Permissions.Admin).AcceptsJson<ModeDto>().Produces<ModeDto>();
        group.MapDelete("/{subject}", DeleteSubject).RequirePermission(Permissions.Admin).Produces<ModeDto>();
        return group;
    }

    private static async Task<IResult> GetGlobal(ConfigService config, CancellationToken token) =>
        Answer(await config.GetGlobalModeAsync(token));

    private static async Task<IResult> GetSubject(string subject, ConfigService config, string? defaultToGlobal, CancellationToken token) =>
        Answer(await config.GetSubjectModeAsync(subject, QueryFlag.Of(defaultToGlobal), token));

    private static Task<IResult> PutGlobal(HttpRequest request, ConfigService config, string? force, CancellationToken token) =>
        Put(request, null, config, QueryFlag.Of(force), token);

    private static Task<IResult> PutSubject(HttpRequest request, string subject, ConfigService config, string? force, CancellationToken token) =>
        Put(request, subject, config, QueryFlag.Of(force), token);

    private static async Task<IResult> Put(HttpRequest request, string? subject, ConfigService config, bool force, CancellationToken token)
    {
        var body = await JsonBody.ReadAsync(request, RegistryJson.Context.ModeDto);
        var mode = ConfigService.ParseMode(body.Mode);
        if (subject is not null) Core.Subjects.SubjectName.EnsureValid(subject);
        return Answer(await config.SetModeAsync(subject, mode, force, RequestPrincipal.Name(request.HttpContext), token));
    }

    private static async Task<IResult> DeleteSubject(HttpRequest request, string subject, ConfigService config, CancellationToken token) =>
        Answer(await config.DeleteSubjectModeAsync(subject, RequestPrincipal.Name(request.HttpContext), token));

    private static IResult Answer(RegistryMode mode) =>
        ApiResults.Confluent(new ModeDto { Mode = mode.ToWire() }, RegistryJson.Context.ModeDto);
}
