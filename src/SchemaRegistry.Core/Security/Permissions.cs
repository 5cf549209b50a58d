namespace SchemaRegistry.Core.Security;

/// <summary>
/// The permissions endpoints declare. Every route carries one as metadata today, so authorization becomes a policy on
/// metadata that is already there.
/// </summary>
public static class Permissions
{
    /// <summary>Read schemas, subjects, versions, config and mode.</summary>
    public const string SchemaRead = "schema:read";
    /// <summary>Register new schemas and versions.</summary>
    public const string SchemaCreate = "schema:create";
    /// <summary>Change a version's state or metadata.</summary>
    public const string SchemaUpdate = "schema:update";
    /// <summary>Delete versions and subjects.</summary>
    public const string SchemaDelete = "schema:delete";
    /// <summary>Validate data against schemas.</summary>
    public const string SchemaValidate = "schema:validate";
    /// <summary>Change compatibility configuration.</summary>
    public const string ConfigWrite = "config:write";
    /// <summary>Everything, including modes.</summary>
    public const string Admin = "admin";
}

/// <summary>Who is making a request. Anonymous until authentication exists.</summary>
/// <param name="Name">The principal's name.</param>
/// <param name="IsAuthenticated">False for anonymous requests.</param>
public sealed record Principal(string Name, bool IsAuthenticated)
{
    /// <summary>The anonymous principal.</summary>
    public static Principal Anonymous { get; } = new("anonymous", false);
}
