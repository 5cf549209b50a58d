using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Protobuf.Canonical;
using SchemaRegistry.Formats.Protobuf.Model;
using SchemaRegistry.Formats.Protobuf.Syntax;

namespace SchemaRegistry.Formats.Protobuf.Parsing;

/// <summary>
/// Text (or a base64 descriptor) to a <see cref="ParsedProtobufSchema"/>: the grammar is checked by our own parser
/// (which keeps what the canonical printer needs), the semantics by protobuf-net.Reflection with the referenced files
/// supplied under their import paths, and the canonical text is printed from the tree.
/// </summary>
internal static class ProtobufSchemaParser
{
    public static SchemaParseResult Parse(SchemaParseRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryRead(request.Text, out var tree, out var compileText, out var error))
            return SchemaParseResult.Fail(error!);

        var imports = new List<KeyValuePair<string, string>>();
        var importTrees = new List<ProtoFile>();
        foreach (var reference in ResolvedReference.Flatten(request.References))
        {
            if (!string.Equals(reference.SchemaType, ProtobufFormat.Type, StringComparison.OrdinalIgnoreCase))
                return SchemaParseResult.Fail($"reference '{reference.Name}' (subject '{reference.Subject}' version {reference.Version}) is a {reference.SchemaType} schema; a Protobuf file can only import Protobuf files.");
            if (!TryRead(reference.Text, out var referenceTree, out var referenceText, out var referenceError))
                return SchemaParseResult.Fail($"reference '{reference.Name}' (subject '{reference.Subject}' version {reference.Version}) does not parse: {referenceError}");
            imports.Add(new(reference.Name, referenceText!));
            importTrees.Add(referenceTree!);
        }
        AddKnownImports(tree!, importTrees, imports);

        SchemaModel model;
        string canonical;
        try
        {
            var set = DescriptorCompiler.Compile(compileText!, imports, out var compileError);
            if (compileError is not null) return SchemaParseResult.Fail(compileError);
            model = ModelBuilder.Build(set, DescriptorCompiler.MainFileName, tree!);
            var printed = request.Normalize ? Normalizer.Normalize(tree!, model) : tree!;
            canonical = ProtoPrinter.Print(printed, request.Normalize);
        }
#pragma warning disable CA1031 // protobuf-net reads untrusted text; whatever it throws means "this file cannot be used", never a 500.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return SchemaParseResult.Fail($"the file could not be compiled: {e.Message}");
        }
        var references = request.References.Select(r => new SchemaReference(r.Name, r.Subject, r.Version)).ToList();
        return SchemaParseResult.Ok(new ParsedProtobufSchema(canonical, references, tree!, model));
    }

    /// <summary>
    /// Reads .proto text, or a base64 FileDescriptorProto (what the .NET serializer sends), into a tree, with the text
    /// protobuf-net compiles (the original text, so its line:column positions are the user's).
    /// </summary>
    private static bool TryRead(string text, out ProtoFile? tree, out string? compileText, out string? error)
    {
        tree = null;
        compileText = null;
        error = null;
        try
        {
            tree = ProtoSyntaxParser.Parse(text);
            compileText = text;
            return true;
        }
        catch (ProtoSyntaxException e)
        {
            if (DescriptorSource.TryDecode(text, out var descriptor))
            {
                tree = DescriptorSource.ToTree(descriptor!);
                compileText = ProtoPrinter.Print(tree, normalized: false);
                return true;
            }
            error = e.Message;
            return false;
        }
    }

    // Imports no reference supplies but that Confluent knows (KNOWN_DEPENDENCIES) and protobuf-net does not embed.
    private static void AddKnownImports(ProtoFile main, List<ProtoFile> referenced, List<KeyValuePair<string, string>> imports)
    {
        var supplied = new HashSet<string>(imports.Select(i => i.Key), StringComparer.Ordinal);
        var pending = new Queue<string>(main.Imports.Concat(referenced.SelectMany(r => r.Imports)).Select(i => i.Path));
        while (pending.TryDequeue(out var path))
        {
            if (supplied.Contains(path) || KnownImports.Find(path) is not { } text) continue;
            supplied.Add(path);
            imports.Add(new(path, text));
            foreach (var nested in ProtoSyntaxParser.Parse(text).Imports) pending.Enqueue(nested.Path);
        }
    }
}
