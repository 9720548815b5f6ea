import { Injectable } from '@nestjs/common';
import { decodeCursor, DEFAULT_PAGE_SIZE, Page, toPage } from '@helpdesk/service-runtime';
import { parseCiRef } from '../cis/ci-number';
import { CiException } from '../cis/ci.exception';
import { calendarToday, daysBetween } from '../reports/calendar-day';
import { LicenceDetailDto, LicenceDto } from './dto/licence.dto';
import { ListLicencesQueryDto } from './dto/list-licences.query.dto';
import { seatBalance } from './licence-seats';
import { LicenceRow, LicencesRepository } from './licences.repository';

/** Licences with seats owned and used, over-allocation and expiry. */
@Injectable()
export class LicencesService {
  constructor(private readonly licences: LicencesRepository) {}

  async list(query: ListLicencesQueryDto, timeZone: string | undefined): Promise<Page<LicenceDto>> {
    const today = calendarToday(timeZone);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.licences.list({
      overAllocated: query.overAllocated,
      expiring: query.expiringWithinDays !== undefined ? { today, days: query.expiringWithinDays } : undefined,
      after: decodeCursor(query.cursor, { name: 'string', id: 'uuid' }),
      limit,
    });
    return toPage(
      rows,
      limit,
      (l) => ({ name: l.name, id: l.id }),
      (l) => toLicenceDto(l, today),
    );
  }

  async get(ref: string, timeZone: string | undefined): Promise<LicenceDetailDto> {
    const key = parseCiRef(ref);
    const licence = key ? await this.licences.find(key) : null;
    if (!licence) throw CiException.notFound(ref);
    return { ...toLicenceDto(licence, calendarToday(timeZone)), seats: await this.licences.seatsOf(licence.id) };
  }
}

function toLicenceDto(l: LicenceRow, today: string): LicenceDto {
  return {
    id: l.id,
    number: l.number,
    name: l.name,
    state: l.state,
    manufacturer: l.manufacturer,
    model: l.model,
    seatsOwned: l.seatsOwned,
    seatsUsed: l.seatsUsed,
    ...seatBalance(l),
    licenceExpiresOn: l.licenceExpiresOn,
    expiresInDays: l.licenceExpiresOn ? daysBetween(today, l.licenceExpiresOn) : null,
  };
}
