/// Something with an inclusive pixel bounding box: an ink component, a digit's selection.
protocol PixelBounded {
    var minX: Int { get }
    var minY: Int { get }
    var maxX: Int { get }
    var maxY: Int { get }
}

extension PixelBounded {
    /// Whether it lies wholly outside `box`.
    func liesOutside(_ box: PixelBox) -> Bool {
        maxX < box.x || minX >= box.x + box.width || maxY < box.y || minY >= box.y + box.height
    }
}

extension InkComponent: PixelBounded {}
extension DigitSelection: PixelBounded {}
