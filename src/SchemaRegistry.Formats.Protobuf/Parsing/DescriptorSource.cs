using System.Globalization;
using Google.Protobuf.Reflection;
using SchemaRegistry.Formats.Protobuf.Syntax;
using FileOptions = Google.Protobuf.Reflection.FileOptions;

namespace SchemaRegistry.Formats.Protobuf.Parsing;

/// <summary>
/// Reads what Confluent's .NET Protobuf serializer sends: a base64-encoded <c>FileDescriptorProto</c> instead of .proto
/// text. The descriptor becomes a syntax tree as Confluent's <c>toProtoFile(FileDescriptorProto)</c> builds it (file
/// options in a fixed order, fully qualified type names), except that map fields print as <c>map&lt;K, V&gt;</c>
/// rather than as explicit entry messages, so the text parses again with any .proto parser.
/// </summary>
internal static class DescriptorSource
{
    /// <summary>True when the text is base64 that decodes to a descriptor with a file name or declarations.</summary>
    public static bool TryDecode(string text, out FileDescriptorProto? descriptor)
    {
        descriptor = null;
        var trimmed = text.Trim();
        // .proto text always has spaces, quotes or semicolons; base64 never does.
        if (trimmed.Length == 0 || trimmed.Length % 4 != 0 || trimmed.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')))
            return false;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(trimmed);
        }
        catch (FormatException)
        {
            return false;
        }
        try
        {
            using var stream = new MemoryStream(bytes);
            var decoded = FileDescriptorSet.Serializer.Deserialize<FileDescriptorProto>(stream);
            if (string.IsNullOrEmpty(decoded.Name) && decoded.MessageTypes.Count == 0 && decoded.EnumTypes.Count == 0) return false;
            descriptor = decoded;
            return true;
        }
#pragma warning disable CA1031 // Arbitrary bytes make the decoder throw many kinds of exceptions: all mean "not a descriptor".
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    /// <summary>The syntax tree of a decoded descriptor.</summary>
    public static ProtoFile ToTree(FileDescriptorProto proto)
    {
        var isProto3 = proto.Syntax == "proto3";
        var file = new ProtoFile
        {
            Syntax = string.IsNullOrEmpty(proto.Syntax) ? null : proto.Syntax,
            Package = string.IsNullOrEmpty(proto.Package) ? null : proto.Package,
        };
        for (var i = 0; i < proto.Dependencies.Count; i++)
        {
            var kind = proto.PublicDependencies.Contains(i) ? ImportKind.Public : proto.WeakDependencies.Contains(i) ? ImportKind.Weak : ImportKind.Plain;
            file.Imports.Add(new ImportDecl(proto.Dependencies[i], kind));
        }
        if (proto.Options is { } options)
        {
            // Confluent's fixed order for file options built from a descriptor.
            Add(file.Options, "java_package", options.ShouldSerializeJavaPackage(), options.JavaPackage);
            Add(file.Options, "java_outer_classname", options.ShouldSerializeJavaOuterClassname(), options.JavaOuterClassname);
            Add(file.Options, "java_multiple_files", options.ShouldSerializeJavaMultipleFiles(), options.JavaMultipleFiles);
#pragma warning disable CS0612 // Deprecated in descriptor.proto, still printed by Confluent when a descriptor sets it.
            Add(file.Options, "java_generate_equals_and_hash", options.ShouldSerializeJavaGenerateEqualsAndHash(), options.JavaGenerateEqualsAndHash);
#pragma warning restore CS0612
            Add(file.Options, "java_string_check_utf8", options.ShouldSerializeJavaStringCheckUtf8(), options.JavaStringCheckUtf8);
            if (options.ShouldSerializeOptimizeFor()) file.Options.Add(Identifier("optimize_for", options.OptimizeFor switch
            {
                FileOptions.OptimizeMode.CodeSize => "CODE_SIZE",
                FileOptions.OptimizeMode.LiteRuntime => "LITE_RUNTIME",
                _ => "SPEED",
            }));
            Add(file.Options, "go_package", options.ShouldSerializeGoPackage(), options.GoPackage);
            Add(file.Options, "cc_generic_services", options.ShouldSerializeCcGenericServices(), options.CcGenericServices);
            Add(file.Options, "java_generic_services", options.ShouldSerializeJavaGenericServices(), options.JavaGenericServices);
            Add(file.Options, "py_generic_services", options.ShouldSerializePyGenericServices(), options.PyGenericServices);
            Add(file.Options, "deprecated", options.ShouldSerializeDeprecated(), options.Deprecated);
            Add(file.Options, "cc_enable_arenas", options.ShouldSerializeCcEnableArenas(), options.CcEnableArenas);
            Add(file.Options, "objc_class_prefix", options.ShouldSerializeObjcClassPrefix(), options.ObjcClassPrefix);
            Add(file.Options, "csharp_namespace", options.ShouldSerializeCsharpNamespace(), options.CsharpNamespace);
            Add(file.Options, "swift_prefix", options.ShouldSerializeSwiftPrefix(), options.SwiftPrefix);
            Add(file.Options, "php_class_prefix", options.ShouldSerializePhpClassPrefix(), options.PhpClassPrefix);
            Add(file.Options, "php_namespace", options.ShouldSerializePhpNamespace(), options.PhpNamespace);
            Add(file.Options, "php_metadata_namespace", options.ShouldSerializePhpMetadataNamespace(), options.PhpMetadataNamespace);
            Add(file.Options, "ruby_package", options.ShouldSerializeRubyPackage(), options.RubyPackage);
        }
        foreach (var message in proto.MessageTypes) file.Messages.Add(Message(message, isProto3));
        foreach (var decl in proto.EnumTypes) file.Enums.Add(Enum(decl));
        foreach (var group in proto.Extensions.GroupBy(e => e.Extendee, StringComparer.Ordinal))
        {
            var extend = new ExtendDecl(group.Key);
            extend.Fields.AddRange(group.Select(f => Field(f, isProto3, null, inOneof: false)));
            file.Extends.Add(extend);
        }
        foreach (var service in proto.Services)
        {
            var decl = new ServiceDecl(service.Name);
            if (service.Options is { } serviceOptions) Add(decl.Options, "deprecated", serviceOptions.ShouldSerializeDeprecated(), serviceOptions.Deprecated);
            foreach (var method in service.Methods)
            {
                var rpc = new RpcDecl(method.Name, method.InputType, method.ClientStreaming, method.OutputType, method.ServerStreaming);
                if (method.Options is { } methodOptions) Add(rpc.Options, "deprecated", methodOptions.ShouldSerializeDeprecated(), methodOptions.Deprecated);
                decl.Rpcs.Add(rpc);
            }
            file.Services.Add(decl);
        }
        return file;
    }

    private static MessageDecl Message(DescriptorProto proto, bool isProto3)
    {
        var message = new MessageDecl(proto.Name);
        var entries = proto.NestedTypes.Where(n => n.Options?.MapEntry == true).ToDictionary(n => n.Name, StringComparer.Ordinal);
        if (proto.ReservedRanges.Count > 0)
        {
            var reserved = new ReservedDecl();
            foreach (var range in proto.ReservedRanges)
                reserved.Items.Add(range.End - 1 == range.Start ? ReservedItem.Number(range.Start) : ReservedItem.Range(range.Start, range.End - 1));
            message.Reserved.Add(reserved);
        }
        if (proto.ReservedNames.Count > 0)
        {
            var names = new ReservedDecl();
            names.Items.AddRange(proto.ReservedNames.Select(ReservedItem.OfName));
            message.Reserved.Add(names);
        }
        if (proto.Options is { } options)
        {
            Add(message.Options, "no_standard_descriptor_accessor", options.ShouldSerializeNoStandardDescriptorAccessor(), options.NoStandardDescriptorAccessor);
            Add(message.Options, "deprecated", options.ShouldSerializeDeprecated(), options.Deprecated);
        }
        var realOneofs = new HashSet<int>(proto.Fields.Where(f => f.ShouldSerializeOneofIndex() && !f.Proto3Optional).Select(f => f.OneofIndex));
        foreach (var field in proto.Fields.Where(f => !f.ShouldSerializeOneofIndex() || f.Proto3Optional))
            message.Fields.Add(Field(field, isProto3, entries, inOneof: false));
        for (var i = 0; i < proto.OneofDecls.Count; i++)
        {
            if (!realOneofs.Contains(i)) continue;
            var oneof = new OneofDecl(proto.OneofDecls[i].Name);
            oneof.Fields.AddRange(proto.Fields.Where(f => f.ShouldSerializeOneofIndex() && f.OneofIndex == i && !f.Proto3Optional)
                .Select(f => Field(f, isProto3, entries, inOneof: true)));
            message.Oneofs.Add(oneof);
        }
        if (proto.ExtensionRanges.Count > 0)
        {
            var ranges = new ReservedDecl();
            foreach (var range in proto.ExtensionRanges)
                ranges.Items.Add(range.End - 1 == range.Start ? ReservedItem.Number(range.Start) : ReservedItem.Range(range.Start, range.End - 1));
            message.Extensions.Add(ranges);
        }
        foreach (var nested in proto.NestedTypes.Where(n => n.Options?.MapEntry != true)) message.Messages.Add(Message(nested, isProto3));
        foreach (var nested in proto.EnumTypes) message.Enums.Add(Enum(nested));
        return message;
    }

    private static FieldDecl Field(FieldDescriptorProto proto, bool isProto3, Dictionary<string, DescriptorProto>? entries, bool inOneof)
    {
        var typeName = proto.TypeName;
        var entryName = typeName.Length > 0 ? typeName[(typeName.LastIndexOf('.') + 1)..] : "";
        if (proto.label == FieldDescriptorProto.Label.LabelRepeated && entries is not null && entries.TryGetValue(entryName, out var entry))
        {
            var key = TypeOf(entry.Fields.First(f => f.Number == 1));
            var value = TypeOf(entry.Fields.First(f => f.Number == 2));
            return WithOptions(new FieldDecl(null, $"map<{key}, {value}>", proto.Name, proto.Number) { Map = (key, value) }, proto);
        }
        string? label = proto.label switch
        {
            _ when inOneof => null,
            FieldDescriptorProto.Label.LabelRepeated => "repeated",
            FieldDescriptorProto.Label.LabelRequired => "required",
            _ when proto.Proto3Optional => "optional",
            _ when isProto3 => null,
            _ => "optional",
        };
        var field = new FieldDecl(label, TypeOf(proto), proto.Name, proto.Number);
        if (!isProto3 && proto.ShouldSerializeDefaultValue())
        {
            field.Default = proto.type switch
            {
                FieldDescriptorProto.Type.TypeString or FieldDescriptorProto.Type.TypeBytes => OptionValue.Scalar(OptionValueKind.String, proto.DefaultValue),
                FieldDescriptorProto.Type.TypeEnum or FieldDescriptorProto.Type.TypeBool => OptionValue.Scalar(OptionValueKind.Identifier, proto.DefaultValue),
                _ => double.TryParse(proto.DefaultValue, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                    ? OptionValue.Scalar(OptionValueKind.Number, proto.DefaultValue)
                    : OptionValue.Scalar(OptionValueKind.Identifier, proto.DefaultValue),
            };
        }
        // protoc fills json_name for every field; only one that differs from the default mapping was written.
        if (proto.ShouldSerializeJsonName() && proto.JsonName != JsonNames.Default(proto.Name)) field.JsonName = proto.JsonName;
        return WithOptions(field, proto);
    }

    private static FieldDecl WithOptions(FieldDecl field, FieldDescriptorProto proto)
    {
        if (proto.Options is not { } options) return field;
        if (options.ShouldSerializeCtype()) field.Options.Add(Identifier("ctype", options.Ctype.ToString().ToUpperInvariant()));
        Add(field.Options, "packed", options.ShouldSerializePacked(), options.Packed);
        if (options.ShouldSerializeJstype()) field.Options.Add(Identifier("jstype", options.Jstype switch
        {
            FieldOptions.JSType.JsString => "JS_STRING",
            FieldOptions.JSType.JsNumber => "JS_NUMBER",
            _ => "JS_NORMAL",
        }));
        Add(field.Options, "deprecated", options.ShouldSerializeDeprecated(), options.Deprecated);
        return field;
    }

    private static string TypeOf(FieldDescriptorProto proto) => proto.type switch
    {
        FieldDescriptorProto.Type.TypeMessage or FieldDescriptorProto.Type.TypeEnum or FieldDescriptorProto.Type.TypeGroup => proto.TypeName,
        _ => proto.type.ToString()["Type".Length..].ToLowerInvariant(),
    };

    private static EnumDecl Enum(EnumDescriptorProto proto)
    {
        var decl = new EnumDecl(proto.Name);
        if (proto.ReservedRanges.Count > 0)
        {
            var reserved = new ReservedDecl();
            foreach (var range in proto.ReservedRanges)
                reserved.Items.Add(range.End == range.Start ? ReservedItem.Number(range.Start) : ReservedItem.Range(range.Start, range.End));
            decl.Reserved.Add(reserved);
        }
        if (proto.ReservedNames.Count > 0)
        {
            var names = new ReservedDecl();
            names.Items.AddRange(proto.ReservedNames.Select(ReservedItem.OfName));
            decl.Reserved.Add(names);
        }
        if (proto.Options is { } options)
        {
            Add(decl.Options, "allow_alias", options.ShouldSerializeAllowAlias(), options.AllowAlias);
            Add(decl.Options, "deprecated", options.ShouldSerializeDeprecated(), options.Deprecated);
        }
        foreach (var value in proto.Values)
        {
            var valueDecl = new EnumValueDecl(value.Name, value.Number);
            if (value.Options is { } valueOptions) Add(valueDecl.Options, "deprecated", valueOptions.ShouldSerializeDeprecated(), valueOptions.Deprecated);
            decl.Values.Add(valueDecl);
        }
        return decl;
    }

    private static void Add(List<OptionDecl> options, string name, bool present, string value)
    {
        if (present) options.Add(new OptionDecl(name, OptionValue.Scalar(OptionValueKind.String, value)));
    }

    private static void Add(List<OptionDecl> options, string name, bool present, bool value)
    {
        if (present) options.Add(Identifier(name, value ? "true" : "false"));
    }

    private static OptionDecl Identifier(string name, string value) => new(name, OptionValue.Scalar(OptionValueKind.Identifier, value));
}
