public import ArgumentParser
import ConveneCore

extension Language: ExpressibleByArgument {}
