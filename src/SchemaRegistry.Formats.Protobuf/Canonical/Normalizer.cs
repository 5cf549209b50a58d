using System.Globalization;
using SchemaRegistry.Formats.Protobuf.Model;
using SchemaRegistry.Formats.Protobuf.Syntax;

namespace SchemaRegistry.Formats.Protobuf.Canonical;

/// <summary>
/// Confluent's <c>normalize=true</c> as a tree rewrite, so two files that differ only in declaration order of fields,
/// options, imports and reserved ranges, or in how they spell a type name, print the same: imports sorted and
/// distinct; options sorted by name; fields by number; oneofs by their first number (empty ones dropped); enum values
/// by (number, name); reserved and extension ranges one per statement, sorted; every message and enum type
/// <c>.fully.qualified</c>; numbers re-formatted. Message and enum ORDER is kept: Confluent message indexes count it.
/// </summary>
internal static class Normalizer
{
    public static ProtoFile Normalize(ProtoFile file, SchemaModel model)
    {
        var result = new ProtoFile { Syntax = file.Syntax, Package = file.Package };
        foreach (var kind in (ReadOnlySpan<ImportKind>)[ImportKind.Plain, ImportKind.Public, ImportKind.Weak])
        {
            foreach (var path in file.Imports.Where(i => i.Kind == kind).Select(i => i.Path).Distinct().Order(StringComparer.Ordinal))
                result.Imports.Add(new ImportDecl(path, kind));
        }
        result.Options.AddRange(Options(file.Options));
        var scope = string.IsNullOrEmpty(file.Package) ? "" : file.Package + ".";
        foreach (var message in file.Messages) result.Messages.Add(Message(message, scope, model));
        foreach (var decl in file.Enums) result.Enums.Add(Enum(decl));
        result.Extends.AddRange(Extends(file.Extends));
        var services = model.Main.Services;
        foreach (var service in file.Services)
        {
            var copy = new ServiceDecl(service.Name);
            copy.Options.AddRange(Options(service.Options));
            var resolved = services.Find(s => s.Name == service.Name);
            foreach (var rpc in service.Rpcs)
            {
                var types = resolved?.Rpcs.Find(r => r.Name == rpc.Name);
                var rpcCopy = new RpcDecl(rpc.Name, types is null ? rpc.RequestType : "." + types.RequestType, rpc.RequestStreaming,
                    types is null ? rpc.ResponseType : "." + types.ResponseType, rpc.ResponseStreaming);
                rpcCopy.Options.AddRange(Options(rpc.Options));
                copy.Rpcs.Add(rpcCopy);
            }
            result.Services.Add(copy);
        }
        return result;
    }

    private static MessageDecl Message(MessageDecl message, string scope, SchemaModel model)
    {
        var fullName = scope + message.Name;
        var resolved = model.Messages.GetValueOrDefault(fullName);
        var copy = new MessageDecl(message.Name);
        copy.Reserved.AddRange(SplitRanges(message.Reserved));
        copy.Options.AddRange(Options(message.Options));
        copy.Fields.AddRange(message.Fields.OrderBy(f => f.Number).Select(f => Field(f, resolved)));
        foreach (var oneof in message.Oneofs.Where(o => o.Fields.Count > 0).OrderBy(o => o.Fields.Min(f => f.Number)))
        {
            var oneofCopy = new OneofDecl(oneof.Name);
            oneofCopy.Options.AddRange(Options(oneof.Options));
            oneofCopy.Fields.AddRange(oneof.Fields.OrderBy(f => f.Number).Select(f => Field(f, resolved)));
            copy.Oneofs.Add(oneofCopy);
        }
        copy.Extensions.AddRange(SplitRanges(message.Extensions));
        copy.Extends.AddRange(Extends(message.Extends));
        foreach (var nested in message.Messages) copy.Messages.Add(Message(nested, fullName + ".", model));
        foreach (var nested in message.Enums) copy.Enums.Add(Enum(nested));
        return copy;
    }

    private static FieldDecl Field(FieldDecl field, MessageModel? owner)
    {
        var resolved = owner?.FieldByNumber(field.Number);
        var type = field.Type;
        var label = field.Label;
        if (field.Map is { } map)
        {
            var value = resolved?.MessageType?.FieldByNumber(2) is { TypeName: { } valueType } ? "." + valueType : map.Value;
            type = $"map<{map.Key}, {value}>";
            label = null;
        }
        else if (resolved?.TypeName is { } typeName)
        {
            type = "." + typeName;
        }
        var copy = new FieldDecl(label, type, field.Name, field.Number)
        {
            Map = field.Map,
            Default = field.Default is null ? null : Value(field.Default),
            JsonName = field.JsonName,
        };
        copy.Options.AddRange(Options(field.Options));
        return copy;
    }

    private static EnumDecl Enum(EnumDecl decl)
    {
        var copy = new EnumDecl(decl.Name);
        copy.Reserved.AddRange(SplitRanges(decl.Reserved));
        copy.Options.AddRange(Options(decl.Options));
        foreach (var value in decl.Values.OrderBy(v => v.Number).ThenBy(v => v.Name, StringComparer.Ordinal))
        {
            var valueCopy = new EnumValueDecl(value.Name, value.Number);
            valueCopy.Options.AddRange(Options(value.Options));
            copy.Values.Add(valueCopy);
        }
        return copy;
    }

    // Extend blocks of one extendee become one block, their fields sorted by number.
    private static IEnumerable<ExtendDecl> Extends(List<ExtendDecl> extends) =>
        extends.GroupBy(e => e.Extendee, StringComparer.Ordinal).Select(group =>
        {
            var copy = new ExtendDecl(group.Key);
            foreach (var field in group.SelectMany(e => e.Fields).OrderBy(f => f.Number))
            {
                var fieldCopy = new FieldDecl(field.Label, field.Type, field.Name, field.Number) { Map = field.Map, Default = field.Default, JsonName = field.JsonName };
                fieldCopy.Options.AddRange(Options(field.Options));
                copy.Fields.Add(fieldCopy);
            }
            return copy;
        });

    private static IEnumerable<ReservedDecl> SplitRanges(List<ReservedDecl> statements) =>
        statements.SelectMany(s => s.Items)
            .Select(item => item.Name is null && item.Start == item.End ? ReservedItem.Number(item.Start) : item)
            .Distinct()
            .OrderBy(item => item.Name is null ? item.Start : int.MaxValue)
            .ThenBy(item => item.Name, StringComparer.Ordinal)
            .Select(item =>
            {
                var decl = new ReservedDecl();
                decl.Items.Add(item);
                return decl;
            });

    /// <summary>Options sorted by name (stable, so repeated options keep their order), values normalized.</summary>
    private static IEnumerable<OptionDecl> Options(List<OptionDecl> options) =>
        options.OrderBy(o => o.Name, StringComparer.Ordinal).Select(o => o with { Value = Value(o.Value) });

    private static OptionValue Value(OptionValue value)
    {
        switch (value.Kind)
        {
            case OptionValueKind.Number:
                return OptionValue.Scalar(OptionValueKind.Number, FormatNumber(value.Text));
            case OptionValueKind.Aggregate:
            {
                // Keys sorted and distinct (the first wins), empty lists dropped, one-element lists unwrapped.
                var copy = OptionValue.Aggregate();
                foreach (var group in value.Fields.GroupBy(f => f.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var member = group.First().Value;
                    if (member.Kind == OptionValueKind.List && member.Items.Count == 0) continue;
                    copy.Fields.Add(new(group.Key, member.Kind == OptionValueKind.List && member.Items.Count == 1 ? Value(member.Items[0]) : Value(member)));
                }
                return copy;
            }
            case OptionValueKind.List:
            {
                var copy = OptionValue.List();
                copy.Items.AddRange(value.Items.Select(Value));
                return copy;
            }
            default:
                return value;
        }
    }

    /// <summary>A number in its shortest decimal form (<c>1.0</c> and <c>0x1</c> are <c>1</c>); left alone if unusual (<c>inf</c>).</summary>
    internal static string FormatNumber(string text)
    {
        var negative = text.StartsWith('-');
        var digits = negative ? text[1..] : text;
        string? formatted = null;
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase) &&
            ulong.TryParse(digits.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
            formatted = hex.ToString(CultureInfo.InvariantCulture);
        else if (digits.Length > 1 && digits[0] == '0' && digits.All(char.IsAsciiDigit))
            formatted = Convert.ToUInt64(digits, 8).ToString(CultureInfo.InvariantCulture);
        else if (decimal.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            formatted = number.ToString("G29", CultureInfo.InvariantCulture);
        else if (double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
            formatted = real.ToString("R", CultureInfo.InvariantCulture);
        if (formatted is null) return text;
        return negative && formatted != "0" ? "-" + formatted : formatted;
    }
}
