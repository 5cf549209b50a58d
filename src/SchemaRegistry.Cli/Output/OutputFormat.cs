namespace SchemaRegistry.Cli.Output;

/// <summary>How a command prints its answer (<c>--output</c>).</summary>
internal enum OutputFormat
{
    /// <summary>For people: aligned fields and tables.</summary>
    Table,

    /// <summary>For programs: the answer as indented JSON.</summary>
    Json,

    /// <summary>For shell pipelines: one item per line, tab-separated fields, no borders.</summary>
    Plain,
}
