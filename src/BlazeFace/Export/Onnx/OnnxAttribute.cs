namespace BlazeFace.Export.Onnx;

/// <summary>ONNX <c>AttributeProto</c>: one named, typed attribute of a node (an int, a float, a string or a list of ints).</summary>
internal sealed class OnnxAttribute : IProtobufMessage
{
    private const int NameField = 1;
    private const int FloatField = 2;
    private const int IntField = 3;
    private const int StringField = 4;
    private const int IntsField = 8;
    private const int TypeField = 20;

    // AttributeProto.AttributeType values.
    private const int FloatType = 1;
    private const int IntType = 2;
    private const int StringType = 3;
    private const int IntsType = 7;

    private readonly int _type;
    private readonly float _float;
    private readonly long _int;
    private readonly string? _string;
    private readonly long[]? _ints;

    private OnnxAttribute(string name, int type, float floatValue = 0, long intValue = 0, string? stringValue = null, long[]? intsValue = null)
    {
        Name = name;
        _type = type;
        _float = floatValue;
        _int = intValue;
        _string = stringValue;
        _ints = intsValue;
    }

    public string Name { get; }

    public static OnnxAttribute Int(string name, long value) => new(name, IntType, intValue: value);

    public static OnnxAttribute Float(string name, float value) => new(name, FloatType, floatValue: value);

    public static OnnxAttribute String(string name, string value) => new(name, StringType, stringValue: value);

    public static OnnxAttribute Ints(string name, params long[] values) => new(name, IntsType, intsValue: values);

    public void WriteTo(ProtobufWriter writer)
    {
        writer.WriteString(NameField, Name);
        switch (_type)
        {
            case FloatType:
                writer.WriteFloat(FloatField, _float);
                break;
            case IntType:
                writer.WriteInt64(IntField, _int);
                break;
            case StringType:
                writer.WriteString(StringField, _string!);
                break;
            default:
                writer.WriteRepeatedInt64(IntsField, _ints!);
                break;
        }

        writer.WriteInt64(TypeField, _type);
    }
}
