using Google.Protobuf.Reflection;
using SchemaRegistry.Formats.Protobuf.Canonical;
using SchemaRegistry.Formats.Protobuf.Syntax;

namespace SchemaRegistry.Formats.Protobuf.Model;

/// <summary>
/// Builds the <see cref="SchemaModel"/> from protobuf-net's compiled descriptors (resolved type names, json names,
/// presence) and, for the schema's own file, the options as written (from the syntax tree, since descriptors lose
/// their order and custom options).
/// </summary>
internal static class ModelBuilder
{
    public static SchemaModel Build(FileDescriptorSet set, string mainFileName, ProtoFile mainTree)
    {
        FileModel? main = null;
        var files = new List<FileModel>();
        var pending = new List<(FileModel, FileDescriptorProto)>();
        foreach (var proto in set.Files)
        {
            var isMain = proto.Name == mainFileName;
            var file = new FileModel(proto.Name, proto.Package ?? "", proto.Syntax == "proto3", isMain);
            files.Add(file);
            pending.Add((file, proto));
            if (isMain) main = file;
        }
        if (main is null) throw new InvalidOperationException("The compiled set does not contain the schema file.");
        var model = new SchemaModel(main, files);
        foreach (var (file, proto) in pending)
        {
            var tree = file.IsMain ? mainTree : null;
            file.Imports.AddRange(proto.Dependencies);
            if (tree is not null) AddOptions(file.Options, tree.Options);
            var scope = file.Package.Length == 0 ? "" : file.Package + ".";
            foreach (var message in proto.MessageTypes)
                file.Messages.Add(AddMessage(model, file, message, scope, file.PathPrefix, tree?.Messages.Find(m => m.Name == message.Name)));
            foreach (var decl in proto.EnumTypes)
                file.Enums.Add(AddEnum(model, file, decl, scope, file.PathPrefix, tree?.Enums.Find(e => e.Name == decl.Name)));
            foreach (var service in proto.Services)
                file.Services.Add(BuildService(service, tree?.Services.Find(s => s.Name == service.Name)));
        }
        foreach (var message in model.Messages.Values)
        {
            foreach (var field in message.Fields)
            {
                if (field.TypeName is null) continue;
                field.MessageType = model.Messages.GetValueOrDefault(field.TypeName);
                field.EnumType = model.Enums.GetValueOrDefault(field.TypeName);
                if (field.MessageType is { IsMapEntry: true } && field.Cardinality == Cardinality.Repeated)
                    field.Cardinality = Cardinality.Map;
            }
        }
        CollectDeclared(main.Messages, model.DeclaredMessages);
        return model;
    }

    private static void CollectDeclared(List<MessageModel> messages, List<MessageModel> into)
    {
        foreach (var message in messages)
        {
            if (message.IsMapEntry) continue;
            into.Add(message);
            CollectDeclared(message.Messages, into);
        }
    }

    private static MessageModel AddMessage(SchemaModel model, FileModel file, DescriptorProto proto, string scope, string parentPath, MessageDecl? tree)
    {
        var fullName = scope + proto.Name;
        var message = new MessageModel(proto.Name, fullName, file, parentPath + "/messages/" + Pointer.Escape(proto.Name), proto.Options?.MapEntry == true);
        model.Messages[fullName] = message;
        if (tree is not null) AddOptions(message.Options, tree.Options);

        foreach (var oneof in proto.OneofDecls)
            message.Oneofs.Add(new OneofModel(oneof.Name));
        var syntheticOneofs = new HashSet<int>();
        foreach (var field in proto.Fields)
        {
            if (field.Proto3Optional && field.ShouldSerializeOneofIndex()) syntheticOneofs.Add(field.OneofIndex);
        }
        foreach (var fieldProto in proto.Fields)
            message.Fields.Add(BuildField(message, fieldProto, file.IsProto3, syntheticOneofs, FindField(tree, fieldProto.Number)));
        // Synthetic oneofs (proto3 optional) constrain nothing: keep only real ones, with their members.
        var real = new List<OneofModel>();
        for (var i = 0; i < message.Oneofs.Count; i++)
        {
            if (syntheticOneofs.Contains(i)) continue;
            var oneof = message.Oneofs[i];
            var treeOneof = tree?.Oneofs.Find(o => o.Name == oneof.Name);
            if (treeOneof is not null) AddOptions(oneof.Options, treeOneof.Options);
            real.Add(oneof);
        }
        message.Oneofs.Clear();
        message.Oneofs.AddRange(real);

        foreach (var range in proto.ReservedRanges)
            message.Reserved.Add(ReservedItem.Range(range.Start, range.End - 1));
        foreach (var name in proto.ReservedNames)
            message.Reserved.Add(ReservedItem.OfName(name));
        foreach (var range in proto.ExtensionRanges)
            message.ExtensionRanges.Add(ReservedItem.Range(range.Start, range.End - 1));

        var nestedScope = fullName + ".";
        foreach (var nested in proto.NestedTypes)
            message.Messages.Add(AddMessage(model, file, nested, nestedScope, message.Path, tree?.Messages.Find(m => m.Name == nested.Name)));
        foreach (var nested in proto.EnumTypes)
            message.Enums.Add(AddEnum(model, file, nested, nestedScope, message.Path, tree?.Enums.Find(e => e.Name == nested.Name)));
        return message;
    }

    private static FieldDecl? FindField(MessageDecl? tree, int number) =>
        tree?.Fields.Find(f => f.Number == number) ?? tree?.Oneofs.SelectMany(o => o.Fields).FirstOrDefault(f => f.Number == number);

    private static FieldModel BuildField(MessageModel owner, FieldDescriptorProto proto, bool isProto3, HashSet<int> syntheticOneofs, FieldDecl? tree)
    {
        var field = new FieldModel(owner, proto.Name, proto.Number)
        {
            JsonName = string.IsNullOrEmpty(proto.JsonName) ? proto.Name : proto.JsonName,
            Kind = KindOf(proto.type),
            TypeName = string.IsNullOrEmpty(proto.TypeName) ? null : proto.TypeName.TrimStart('.'),
            Default = proto.ShouldSerializeDefaultValue() ? proto.DefaultValue : null,
        };
        var inRealOneof = proto.ShouldSerializeOneofIndex() && !syntheticOneofs.Contains(proto.OneofIndex);
        if (inRealOneof)
        {
            field.Oneof = owner.Oneofs[proto.OneofIndex];
            field.Oneof.Fields.Add(field);
        }
        field.Cardinality = proto.label switch
        {
            FieldDescriptorProto.Label.LabelRepeated => Cardinality.Repeated,
            FieldDescriptorProto.Label.LabelRequired => Cardinality.Required,
            _ when inRealOneof || proto.Proto3Optional || !isProto3 => Cardinality.Optional,
            _ when field.Kind == FieldKind.Message => Cardinality.Optional, // a proto3 message field always has presence
            _ => Cardinality.Implicit,
        };
        if (tree is not null) AddOptions(field.Options, tree.Options);
        return field;
    }

    private static FieldKind KindOf(FieldDescriptorProto.Type type) => type switch
    {
        FieldDescriptorProto.Type.TypeDouble => FieldKind.Double,
        FieldDescriptorProto.Type.TypeFloat => FieldKind.Float,
        FieldDescriptorProto.Type.TypeInt64 => FieldKind.Int64,
        FieldDescriptorProto.Type.TypeUint64 => FieldKind.UInt64,
        FieldDescriptorProto.Type.TypeInt32 => FieldKind.Int32,
        FieldDescriptorProto.Type.TypeFixed64 => FieldKind.Fixed64,
        FieldDescriptorProto.Type.TypeFixed32 => FieldKind.Fixed32,
        FieldDescriptorProto.Type.TypeBool => FieldKind.Bool,
        FieldDescriptorProto.Type.TypeString => FieldKind.String,
        FieldDescriptorProto.Type.TypeBytes => FieldKind.Bytes,
        FieldDescriptorProto.Type.TypeUint32 => FieldKind.UInt32,
        FieldDescriptorProto.Type.TypeSfixed32 => FieldKind.SFixed32,
        FieldDescriptorProto.Type.TypeSfixed64 => FieldKind.SFixed64,
        FieldDescriptorProto.Type.TypeSint32 => FieldKind.SInt32,
        FieldDescriptorProto.Type.TypeSint64 => FieldKind.SInt64,
        FieldDescriptorProto.Type.TypeEnum => FieldKind.Enum,
        _ => FieldKind.Message, // groups are refused by the syntax parser; a descriptor's group reads as a message
    };

    private static EnumModel AddEnum(SchemaModel model, FileModel file, EnumDescriptorProto proto, string scope, string parentPath, EnumDecl? tree)
    {
        var fullName = scope + proto.Name;
        var decl = new EnumModel(proto.Name, fullName, file, parentPath + "/enums/" + Pointer.Escape(proto.Name));
        model.Enums[fullName] = decl;
        foreach (var value in proto.Values)
        {
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            var treeValue = tree?.Values.Find(v => v.Name == value.Name);
            if (treeValue is not null) AddOptions(options, treeValue.Options);
            decl.Values.Add(new EnumValueModel(value.Name, value.Number, options));
        }
        foreach (var range in proto.ReservedRanges)
            decl.Reserved.Add(ReservedItem.Range(range.Start, range.End));
        foreach (var name in proto.ReservedNames)
            decl.Reserved.Add(ReservedItem.OfName(name));
        if (tree is not null) AddOptions(decl.Options, tree.Options);
        return decl;
    }

    private static ServiceModel BuildService(ServiceDescriptorProto proto, ServiceDecl? tree)
    {
        var service = new ServiceModel(proto.Name);
        if (tree is not null) AddOptions(service.Options, tree.Options);
        foreach (var method in proto.Methods)
        {
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            var treeRpc = tree?.Rpcs.Find(r => r.Name == method.Name);
            if (treeRpc is not null) AddOptions(options, treeRpc.Options);
            service.Rpcs.Add(new RpcModel(method.Name, method.InputType.TrimStart('.'), method.ClientStreaming,
                method.OutputType.TrimStart('.'), method.ServerStreaming, options));
        }
        return service;
    }

    // A repeated option (several statements with one name) keeps every value, in order.
    private static void AddOptions(Dictionary<string, string> into, List<OptionDecl> options)
    {
        foreach (var option in options)
        {
            var value = ProtoPrinter.Value(option.Value);
            into[option.Name] = into.TryGetValue(option.Name, out var existing) ? existing + "\n" + value : value;
        }
    }
}
