import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal } from '@helpdesk/auth';
import { ApiErrorResponses, Page, PageOf } from '@helpdesk/service-runtime';
import { ArticleSearchService } from './article-search.service';
import { SearchQueryDto } from './dto/search-query.dto';
import { SearchResultDto, SuggestionsDto } from './dto/search-result.dto';
import { SuggestionRequestDto } from './dto/suggestion-request.dto';

@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('kb')
export class SearchController {
  constructor(private readonly search: ArticleSearchService) {}

  @Get('search')
  @ApiOperation({
    summary: 'Search published articles',
    description:
      'Japanese, English or mixed text ("VPN 繋がらない"); misspelt words are corrected. Ranked by relevance, then ' +
      'helpfulness and freshness. Employees only find articles for employees. `snippet` is HTML: escaped text with ' +
      '<mark> around the matched words.',
  })
  @ApiOkResponse({ type: PageOf(SearchResultDto) })
  @ApiErrorResponses(400, 401)
  find(@Query() query: SearchQueryDto, @CurrentUser() principal: Principal): Promise<Page<SearchResultDto>> {
    return this.search.search(principal, query);
  }

  @Post('suggestions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Articles for the problem being typed',
    description: 'The five best articles for a description of a problem (the last word may be unfinished), for self-service.',
  })
  @ApiOkResponse({ type: SuggestionsDto })
  @ApiErrorResponses(400, 401)
  suggest(@Body() body: SuggestionRequestDto, @CurrentUser() principal: Principal): Promise<SuggestionsDto> {
    return this.search.suggest(principal, body);
  }
}
