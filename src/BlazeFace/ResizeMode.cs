namespace BlazeFace;

/// <summary>How an image of any shape is fitted into the model's fixed-size input.</summary>
public enum ResizeMode
{
    /// <summary>
    /// Scales the image uniformly so that it fits, centres it and fills the remaining border with black, as
    /// MediaPipe does. Faces keep their proportions, which the model was trained on. The default.
    /// </summary>
    Letterbox = 0,

    /// <summary>
    /// Scales each axis independently so that the image fills the whole input, as the original BlazeFace write-up
    /// does. Uses every input pixel but distorts faces in images that are not square.
    /// </summary>
    Stretch = 1,
}
