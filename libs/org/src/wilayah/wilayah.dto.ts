import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, Matches } from 'class-validator';

export class WilayahRegionsQuery {
  @ApiPropertyOptional({ example: '32', description: 'A province: its kabupaten/kota. Omitted: the provinces.' })
  @IsOptional()
  @Matches(/^\d{2}$/)
  province?: string;
}

export class WilayahRegionDto {
  @ApiProperty({ example: '32' }) code: string;
  @ApiProperty({ example: 'Jawa Barat' }) name: string;
  @ApiProperty({ enum: ['provinsi', 'kabupaten', 'kota'] }) kind: string;
  @ApiProperty({ example: 'Asia/Jakarta' }) timeZone: string;
  @ApiProperty({ enum: ['WIB', 'WITA', 'WIT'] }) zone: string | null;
  @ApiProperty({ description: 'Units of the file inside it, itself included.' }) units: number;
  @ApiProperty() kecamatan: number;
  @ApiProperty({ description: 'desa + kelurahan' }) villages: number;
  @ApiProperty({ description: 'Units of it already in the tree (matched by code).' }) inTree: number;
}

export class WilayahRegionsDto {
  @ApiProperty({ description: 'The whole country (units, kecamatan, villages) and how many of its units are in the tree.' }) country: {
    units: number;
    kecamatan: number;
    villages: number;
    inTree: number;
  };
  @ApiProperty({ type: WilayahRegionDto, isArray: true }) regions: WilayahRegionDto[];
}

export class ImportWilayahDto {
  @ApiProperty({ example: '32', description: "'all' (the country), a province ('32') or a kabupaten/kota ('32.01')." })
  @Matches(/^(all|\d{2}(\.\d{2})?)$/)
  code: string;
  @ApiPropertyOptional({ default: false, description: 'Count what would change, change nothing.' }) @IsOptional() @IsBoolean() dryRun?: boolean;
  @ApiPropertyOptional({ default: true, description: "Add each region's Diskominfo (the ministry for the country) when missing." })
  @IsOptional()
  @IsBoolean()
  agencies?: boolean;
}

export class WilayahImportResultDto {
  @ApiProperty() code: string;
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'Wilayah units of the part (and the chain above it) by kind, as the file has them.' }) inFile: Record<string, number>;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() moved: number;
  @ApiProperty() agenciesCreated: number;
  @ApiProperty() root: { id: string; code: string | null; name: string; kind: string };
  @ApiProperty() rootChanged: boolean;
  @ApiProperty({ nullable: true }) previousRoot: { id: string; code: string | null; name: string } | null;
  @ApiProperty() adminsCarried: number;
  @ApiProperty() ms: number;
}
