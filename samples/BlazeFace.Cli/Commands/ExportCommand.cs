using System.CommandLine;
using System.Globalization;
using BlazeFace.Cli.Files;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// <c>export --model M OUT.onnx</c>: writes the rebuilt network as an ONNX file (<see cref="BlazeFaceModel.ExportOnnx"/>)
/// and prints one summary line. The file is written beside the target and renamed into place (<see cref="AtomicFile"/>),
/// so a failed export never leaves a partial file, and an output that is a folder or the model file itself is refused
/// before anything is written.
/// </summary>
internal sealed class ExportCommand : Command
{
    public ExportCommand(CliConsole console)
        : base("export", "Write the rebuilt network as a standard ONNX file (float32, opset 17, NHWC input, TFLite's output names and shapes).")
    {
        Add(Output);
        Add(Model);
        UnknownOptions.RejectIn(Output, this);
        SetAction(parseResult => Execute(parseResult, console));
    }

    public Argument<string> Output { get; } = OptionParsers.NonEmptyPaths(new Argument<string>("output")
    {
        Description = "The .onnx file to write (replaced if it exists; never the model file)",
        HelpName = "OUT.onnx",
    }, "The output file");

    public Option<string> Model { get; } = ModelOption.Create();

    private int Execute(ParseResult parseResult, CliConsole console)
    {
        string output = parseResult.GetValue(Output)!;
        string modelArgument = parseResult.GetValue(Model) ?? "short";
        if (Directory.Exists(output))
        {
            console.ReportError($"{output}: is a folder; export writes a file (OUT.onnx)");
            return ExitCodes.Usage;
        }

        if (ModelOption.FilePath(modelArgument) is { } modelFile && new InputFileSet([modelFile]).InputAt(output) is not null)
        {
            console.ReportError($"{output}: would replace the model {modelFile} (it is the same file); name another");
            return ExitCodes.Usage;
        }

        BlazeFaceModel model;
        try
        {
            model = ModelOption.Load(modelArgument);
        }
        catch (Exception e) when (ModelOption.IsUnreadable(e))
        {
            console.ReportError(ModelOption.Describe(modelArgument, e));
            return ExitCodes.BadInput;
        }

        long bytes = 0;
        try
        {
            AtomicFile.Write(output, file =>
            {
                model.ExportOnnx(file);
                bytes = file.Length;
            });
        }
        catch (OutputFileException e)
        {
            console.ReportError($"{e.Path}: {e.Message}");
            return ExitCodes.BadInput;
        }

        int size = model.InputSize;
        console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{output}: {bytes} bytes, ONNX opset 17, input [1, {size}, {size}, 3] float32 NHWC, outputs regressors [1, {model.AnchorCount}, 16] and classificators [1, {model.AnchorCount}, 1]"));
        return ExitCodes.Success;
    }
}
