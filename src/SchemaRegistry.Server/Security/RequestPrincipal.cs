using SchemaRegistry.Core.Security;

namespace SchemaRegistry.Server.Security;

/// <summary>The principal of a request: anonymous until authentication exists.</summary>
internal static class RequestPrincipal
{
    /// <summary>The principal's name, recorded as the actor of every write.</summary>
    public static string Name(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : Principal.Anonymous.Name;
}
