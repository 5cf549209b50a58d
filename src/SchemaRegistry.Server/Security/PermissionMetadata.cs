namespace SchemaRegistry.Server.Security;

/// <summary>
/// The permission an endpoint needs, as endpoint metadata. Nothing enforces it while the registry is anonymous-only;
/// authorization will be a policy over this metadata, with no change to the endpoints.
/// </summary>
/// <param name="Permission">One of <see cref="Core.Security.Permissions"/>.</param>
public sealed record RequiresPermission(string Permission);

/// <summary>Declares permissions on route groups and endpoints.</summary>
public static class PermissionExtensions
{
    /// <summary>Marks every endpoint of the builder as needing <paramref name="permission"/>.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresPermission(permission));
}
