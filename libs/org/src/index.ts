export * from './org.module';
export * from './entities/unit.entity';
export * from './dto/unit.dto';
export * from './units/units.repository';
export * from './units/units.service';
export * from './seed/demo-units.seed';
