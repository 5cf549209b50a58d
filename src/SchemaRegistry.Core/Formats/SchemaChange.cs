namespace SchemaRegistry.Core.Formats;

/// <summary>
/// One change between two schemas: a kind from the format's catalogue, where it is, a message for people, and what it
/// does to readers.
/// </summary>
/// <param name="Kind">A kind from the format's catalogue, e.g. <c>TYPE_NARROWED</c>, <c>MAX_LENGTH_DECREASED</c>.</param>
/// <param name="Path">A JSON pointer into the new schema (or the old one, for something removed).</param>
/// <param name="Message">What changed, in words.</param>
/// <param name="Impact">What the change does to a reader using the new schema on data written with the old one.</param>
public sealed record SchemaChange(string Kind, string Path, string Message, ChangeImpact Impact);

/// <summary>What a change does to a reader that uses the new schema on data written with the old one.</summary>
public enum ChangeImpact
{
    /// <summary>Nothing a validator or reader sees changes (description, title, examples...): a patch.</summary>
    Annotation = 0,

    /// <summary>A structural change every old datum survives (a new optional field, a relaxed bound): a minor bump.</summary>
    Compatible = 1,

    /// <summary>Some datum valid under the old schema is refused or misread by the new one: breaks BACKWARD, a major bump.</summary>
    Breaking = 2,
}

/// <summary>Change kinds every format shares.</summary>
public static class CommonChangeKinds
{
    /// <summary>The schema moved to another format (JSON to AVRO, say): never compatible.</summary>
    public const string SchemaTypeChanged = "SCHEMA_TYPE_CHANGED";
}
