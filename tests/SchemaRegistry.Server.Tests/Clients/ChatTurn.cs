using global::Avro;
using global::Avro.Specific;

namespace SchemaRegistry.Server.Tests.Clients;

/// <summary>
/// A hand-written Avro specific record, as avrogen would generate it: the schema in <c>_SCHEMA</c>, fields by position.
/// Its Avro full name is its .NET full name, which is how Apache.Avro finds the class when it reads one.
/// </summary>
public sealed class ChatTurn : ISpecificRecord
{
    public static readonly Schema _SCHEMA = Schema.Parse("""
        {"type":"record","name":"ChatTurn","namespace":"SchemaRegistry.Server.Tests.Clients","doc":"One turn of a chat.",
         "fields":[{"name":"role","type":"string"},{"name":"content","type":"string"},{"name":"tokens","type":"int"},
                   {"name":"model","type":["null","string"],"default":null}]}
        """);

    public string Role { get; set; } = "";
    public string Content { get; set; } = "";
    public int Tokens { get; set; }
    public string? Model { get; set; }

    public Schema Schema => _SCHEMA;

    public object? Get(int fieldPos) => fieldPos switch
    {
        0 => Role,
        1 => Content,
        2 => Tokens,
        3 => Model,
        _ => throw new AvroRuntimeException($"Bad index {fieldPos} in Get()"),
    };

    public void Put(int fieldPos, object fieldValue)
    {
        switch (fieldPos)
        {
            case 0: Role = (string)fieldValue; break;
            case 1: Content = (string)fieldValue; break;
            case 2: Tokens = (int)fieldValue; break;
            case 3: Model = (string?)fieldValue; break;
            default: throw new AvroRuntimeException($"Bad index {fieldPos} in Put()");
        }
    }
}
