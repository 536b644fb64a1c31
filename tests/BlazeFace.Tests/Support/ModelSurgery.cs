using BlazeFace.Models.Tflite;

namespace BlazeFace.Tests.Support;

/// <summary>Copies of a parsed model with one thing changed, to check that the loader notices.</summary>
internal static class ModelSurgery
{
    public static TfliteModel Parse(string assetPath) => TfliteModel.Parse(File.ReadAllBytes(RepositoryPaths.Asset(assetPath)));

    public static TfliteModel ShortRange() => Parse("models/face_detection_front.tflite");

    public static TfliteModel FullRange() => Parse("models/face_detection_full_range.tflite");

    public static TfliteModel BackCamera() => Parse("models/face_detection_back.tflite");

    public static TfliteModel FaceLandmarks() => Parse("models/face_landmark.tflite");

    public static TfliteModel WithOperator(TfliteModel model, string outputName, Func<TfliteOperator, TfliteOperator> change) =>
        Rebuild(model, model.Tensors.ToArray(), model.Operators.Select(op => Produces(model, op, outputName) ? change(op) : op).ToArray());

    public static TfliteModel WithTensor(TfliteModel model, string name, Func<TfliteTensor, TfliteTensor> change) =>
        Rebuild(model, model.Tensors.Select(t => t.Name == name ? change(t) : t).ToArray(), model.Operators.ToArray());

    public static TfliteOperator WithOptions(TfliteOperator op, object options) =>
        new(op.Index, op.Kind, op.CustomCode, [.. op.Inputs], [.. op.Outputs], options);

    public static TfliteOperator WithInputs(TfliteOperator op, params int[] inputs) =>
        new(op.Index, op.Kind, op.CustomCode, inputs, [.. op.Outputs], Options(op));

    public static TfliteTensor Renamed(TfliteTensor t, string name) => new(t.Index, name, [.. t.Shape], t.ElementCount, t.Type, t.BufferIndex, t.Data);

    public static TfliteTensor Reshaped(TfliteTensor t, int[] shape) => new(t.Index, t.Name, shape, shape.Aggregate(1L, (a, b) => a * b), t.Type, t.BufferIndex, t.Data);

    private static object? Options(TfliteOperator op) =>
        (object?)op.Conv2D ?? (object?)op.DepthwiseConv2D ?? (object?)op.Pool2D ?? (object?)op.ResizeBilinear ?? (object?)op.Concatenation ?? (object?)op.Add ?? op.Reshape;

    private static bool Produces(TfliteModel model, TfliteOperator op, string name) =>
        op.Outputs.Any(o => model.Tensors[o].Name == name);

    private static TfliteModel Rebuild(TfliteModel model, TfliteTensor[] tensors, TfliteOperator[] operators) =>
        new(model.Version, model.Description, tensors, operators, [.. model.Inputs], [.. model.Outputs]);
}
